using System.Security.Cryptography;
using System.Text;

namespace Boundaries.Viewer.Security;

/// <summary>
/// A system's key as the server stores it: a name (for the audit log), a role, and the SHA-256 of the key (lower-case
/// hex) — never the key itself. Callers send the key in the <c>X-Api-Key</c> header.
/// </summary>
/// <param name="Name">Who the key belongs to, as written in the audit log.</param>
/// <param name="Role">What the key may do.</param>
/// <param name="Sha256Hex">SHA-256 of the UTF-8 key, 64 hex digits (see <see cref="Hash"/>).</param>
public sealed record ApiKey(string Name, AccessRole Role, string Sha256Hex)
{
    /// <summary>The value to store for <paramref name="key"/>: SHA-256 of its UTF-8 bytes, lower-case hex.</summary>
    public static string Hash(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>A stored entry for a key known in clear (tests, first setup); only the hash is kept.</summary>
    public static ApiKey For(string name, AccessRole role, string key) => new(name, role, Hash(key));

    internal bool Matches(ReadOnlySpan<byte> sha256)
    {
        Span<byte> stored = stackalloc byte[32];
        return Convert.FromHexString(Sha256Hex, stored, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == 32
            && CryptographicOperations.FixedTimeEquals(stored, sha256);
    }
}
