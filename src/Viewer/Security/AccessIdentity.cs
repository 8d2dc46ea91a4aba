namespace Boundaries.Viewer.Security;

/// <summary>Who made a request: a name for the audit log, a role, and how it was established (key, token, local, anonymous).</summary>
internal sealed record AccessIdentity(string Name, AccessRole? Role, string Method)
{
    public static AccessIdentity Anonymous { get; } = new("anonymous", null, "anonymous");

    /// <summary>Where the middleware leaves the caller's identity in <c>HttpContext.Items</c> (for <c>GET /api/v1/me</c>).</summary>
    public const string ItemKey = "boundaries.access.identity";

    /// <summary>Where the middleware leaves whether credentials are required for writes.</summary>
    public const string EnforcedKey = "boundaries.access.enforced";

    public bool IsAnonymous => Role is null;
}
