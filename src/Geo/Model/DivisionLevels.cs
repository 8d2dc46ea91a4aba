using System.Diagnostics.CodeAnalysis;

namespace Boundaries.Geo.Model;

/// <summary>Names and parsing of <see cref="DivisionLevel"/>.</summary>
public static class DivisionLevels
{
    /// <summary>All levels, top down.</summary>
    public static IReadOnlyList<DivisionLevel> All { get; } =
        [DivisionLevel.Province, DivisionLevel.Prefecture, DivisionLevel.District, DivisionLevel.Township, DivisionLevel.Community];

    /// <summary>The layer and property name of a level: <c>province</c> … <c>community</c>.</summary>
    public static string Name(this DivisionLevel level) => level switch
    {
        DivisionLevel.Province => "province",
        DivisionLevel.Prefecture => "prefecture",
        DivisionLevel.District => "district",
        DivisionLevel.Township => "township",
        DivisionLevel.Community => "community",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown division level"),
    };

    /// <summary>The Chinese name of a level, as the registers print it.</summary>
    public static string ChineseName(this DivisionLevel level) => level switch
    {
        DivisionLevel.Province => "省级",
        DivisionLevel.Prefecture => "地级",
        DivisionLevel.District => "县级",
        DivisionLevel.Township => "乡级",
        DivisionLevel.Community => "村级",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown division level"),
    };

    /// <summary>
    /// Parses a level name. Accepts the layer names, a few synonyms (<c>county</c>, <c>city</c>,
    /// <c>street</c>, <c>village</c>) and the digits 1–5; case-insensitive.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DivisionLevel? level)
    {
        level = text?.Trim().ToLowerInvariant() switch
        {
            "province" or "1" or "省" => DivisionLevel.Province,
            "prefecture" or "city" or "2" or "市" => DivisionLevel.Prefecture,
            "district" or "county" or "3" or "区" or "县" => DivisionLevel.District,
            "township" or "town" or "street" or "4" or "乡" or "镇" or "街道" => DivisionLevel.Township,
            "community" or "village" or "5" or "社区" or "村" => DivisionLevel.Community,
            _ => null,
        };
        return level is not null;
    }

    /// <summary>Parses a level name, or throws <see cref="FormatException"/> naming the accepted values.</summary>
    public static DivisionLevel Parse(string text) =>
        TryParse(text, out var level)
            ? level.Value
            : throw new FormatException($"'{text}' is not a division level; use province, prefecture, district, township or community");
}
