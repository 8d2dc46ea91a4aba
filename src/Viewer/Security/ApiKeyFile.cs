using System.Collections.Immutable;
using Boundaries.Geo.Formats;

namespace Boundaries.Viewer.Security;

/// <summary>
/// Reads a keys file: one key a line, <c>name role sha256hex</c> separated by spaces or tabs; blank lines and lines
/// starting with <c>#</c> are skipped. Only hashes are stored (see <see cref="ApiKey.Hash"/>).
/// </summary>
public static class ApiKeyFile
{
    /// <summary>The keys in <paramref name="path"/>.</summary>
    /// <exception cref="BoundariesFormatException">A line is not <c>name role sha256hex</c>.</exception>
    public static ImmutableArray<ApiKey> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var keys = ImmutableArray.CreateBuilder<ApiKey>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3)
            {
                throw Bad(path, number, "line", "expected 'name role sha256hex'");
            }
            if (!Enum.TryParse<AccessRole>(parts[1], ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(parts[1], out _))
            {
                throw Bad(path, number, "role", $"'{parts[1]}' is not viewer, surveyor, planner or admin");
            }
            if (parts[2].Length != 64 || !parts[2].All(char.IsAsciiHexDigit))
            {
                // The value is not echoed: it may be a key pasted in clear.
                throw Bad(path, number, "sha256", "expected 64 hex digits (the SHA-256 of the key, never the key itself)");
            }
            keys.Add(new ApiKey(parts[0], role, parts[2].ToLowerInvariant()));
        }
        return keys.ToImmutable();
    }

    private static BoundariesFormatException Bad(string path, int line, string field, string message) =>
        new(message, path, line, field: field);
}
