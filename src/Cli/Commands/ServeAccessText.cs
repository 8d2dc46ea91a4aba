using Boundaries.Cli.Infrastructure;
using Boundaries.Viewer.Security;

namespace Boundaries.Cli.Commands;

/// <summary>The line <c>serve</c> prints at start about who may do what (never a key or secret).</summary>
internal static class ServeAccessText
{
    public static string Describe(AccessOptions access, Localizer text)
    {
        if (!access.Enforced)
        {
            return text["serve.access.open"];
        }
        var anonymous = text["serve.anonymous." + access.Anonymous.ToString().ToLowerInvariant()];
        var keys = access.KeysFile ?? "-";
        var tokens = access.TokenSigningKey is null ? text["serve.tokens.off"] : text["serve.tokens.on"];
        var audit = access.AuditFile ?? text["serve.audit.log_only"];
        return text["serve.access.enforced", keys, tokens, anonymous, audit];
    }
}
