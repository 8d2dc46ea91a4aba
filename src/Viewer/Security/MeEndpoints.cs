using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Boundaries.Viewer.Security;

/// <summary>
/// <c>GET /api/v1/me</c>: who the caller is as the access middleware established it (name, role, how: key, token,
/// local or anonymous), whether writes need credentials on this server, and what the role may do — the web map shows
/// the identity and hides the controls the role may not use (the server still enforces every request).
/// A credential that is not accepted is answered 401 by the middleware before this endpoint runs.
/// </summary>
internal static class MeEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/v1/me", (HttpContext context) =>
    {
        var identity = context.Items[AccessIdentity.ItemKey] as AccessIdentity ?? AccessIdentity.Anonymous;
        var enforced = context.Items[AccessIdentity.EnforcedKey] is true;
        var role = identity.Role;
        bool May(AccessPermission p) => role is { } r ? AccessRules.Allows(r, p) : p == AccessPermission.Read;
        return Results.Json(new Dictionary<string, object?>
        {
            ["name"] = identity.Name,
            ["role"] = role?.ToString().ToLowerInvariant(),
            ["by"] = identity.Method,
            ["enforced"] = enforced,
            ["can"] = new Dictionary<string, bool>
            {
                ["read"] = May(AccessPermission.Read),
                ["import"] = May(AccessPermission.Import),
                ["edit"] = May(AccessPermission.Edit),
                ["administer"] = May(AccessPermission.Administer),
            },
        });
    });
}
