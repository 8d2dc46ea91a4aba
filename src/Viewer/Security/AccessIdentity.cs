namespace Boundaries.Viewer.Security;

/// <summary>Who made a request: a name for the audit log, a role, and how it was established (key, token, local, anonymous).</summary>
internal sealed record AccessIdentity(string Name, AccessRole? Role, string Method)
{
    public static AccessIdentity Anonymous { get; } = new("anonymous", null, "anonymous");

    public bool IsAnonymous => Role is null;
}
