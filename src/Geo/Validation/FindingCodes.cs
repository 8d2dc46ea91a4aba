using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Boundaries.Geo.Validation;

/// <summary>The stable snake_case names of <see cref="FindingCode"/> (<c>self_intersection</c>, <c>gap_open_to_outside</c> …).</summary>
public static class FindingCodes
{
    private static readonly FrozenDictionary<string, FindingCode> ByName =
        Enum.GetValues<FindingCode>().ToFrozenDictionary(Name, c => c, StringComparer.Ordinal);

    /// <summary>All codes, in numeric order.</summary>
    public static IReadOnlyList<FindingCode> All { get; } = Enum.GetValues<FindingCode>();

    /// <summary>The snake_case name of a code.</summary>
    public static string Name(this FindingCode code) =>
        Enum.IsDefined(code)
            ? JsonNamingPolicy.SnakeCaseLower.ConvertName(code.ToString())
            : throw new ArgumentOutOfRangeException(nameof(code), code, "unknown finding code");

    /// <summary>Parses a snake_case name; false when it names no code.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out FindingCode? code)
    {
        code = name is not null && ByName.TryGetValue(name.Trim(), out var c) ? c : null;
        return code is not null;
    }
}
