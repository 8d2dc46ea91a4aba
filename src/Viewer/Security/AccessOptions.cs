using System.Collections.Immutable;

namespace Boundaries.Viewer.Security;

/// <summary>
/// Who may do what. With nothing configured (no keys, no token signing key — the default) the server is a local
/// tool: callers on loopback act as <see cref="AccessRole.Admin"/> (audited as <c>local</c>), other callers are
/// anonymous. As soon as a key or a signing key is configured, writes need a key or token with the right role and
/// anonymous callers may only read, as <see cref="Anonymous"/> allows.
/// </summary>
public sealed record AccessOptions
{
    /// <summary>Nothing configured: loopback is trusted.</summary>
    public static AccessOptions Default { get; } = new();

    /// <summary>Keys for systems (sent in <c>X-Api-Key</c>), stored hashed. Default none.</summary>
    public ImmutableArray<ApiKey> ApiKeys { get; init; } = [];

    /// <summary>A keys file (see <see cref="ApiKeyFile"/>) read at start, added to <see cref="ApiKeys"/>. Default none.</summary>
    public string? KeysFile { get; init; }

    /// <summary>
    /// The HMAC-SHA256 key (at least 32 bytes of UTF-8) that signs tokens for people (<c>Authorization: Bearer …</c>);
    /// the token's <c>role</c> claim names its <see cref="AccessRole"/> and its <c>sub</c> or <c>name</c> the person.
    /// Default <c>null</c>: tokens are not accepted.
    /// </summary>
    public string? TokenSigningKey { get; init; }

    /// <summary>The issuer tokens must name. Default <c>boundaries</c>.</summary>
    public string TokenIssuer { get; init; } = "boundaries";

    /// <summary>The audience tokens must name. Default <c>boundaries-api</c>.</summary>
    public string TokenAudience { get; init; } = "boundaries-api";

    /// <summary>Who may read without credentials. Default <see cref="AnonymousAccess.Loopback"/>.</summary>
    public AnonymousAccess Anonymous { get; init; } = AnonymousAccess.Loopback;

    /// <summary>An append-only JSON-lines file of every write (identity, request, status). Default none (log only).</summary>
    public string? AuditFile { get; init; }

    /// <summary>True when any key or a signing key is configured, i.e. writes need credentials.</summary>
    public bool Enforced => !ApiKeys.IsDefaultOrEmpty || KeysFile is not null || TokenSigningKey is not null;
}
