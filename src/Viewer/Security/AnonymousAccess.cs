namespace Boundaries.Viewer.Security;

/// <summary>Who may read without a key or token.</summary>
public enum AnonymousAccess
{
    /// <summary>Callers on the same machine (loopback addresses) only. The default.</summary>
    Loopback,

    /// <summary>Everyone who can reach the server.</summary>
    Always,

    /// <summary>No one: every request needs a key or a token.</summary>
    Never,
}
