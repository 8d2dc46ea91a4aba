using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using static Boundaries.Geo.Tests.Formats.FormatTestSupport;

namespace Boundaries.Geo.Tests.Gdal;

/// <summary>The generated small city (data/sample/tianjin-small.gpkg) read by the built-in GeoPackage reader: the source the GDAL-made files are compared with.</summary>
internal static class GdalTestData
{
    private static readonly Lazy<DivisionSet> Townships = new(() =>
    {
        var set = DivisionFiles.Read(SamplePath).Set;
        return set with { Divisions = [.. set.OfLevel(DivisionLevel.Township)] };
    });

    public static string SamplePath => Path.Combine(RepoRoot(), "data", "sample", "tianjin-small.gpkg");

    /// <summary>The township layer of the sample city, in lon/lat (EPSG:4490).</summary>
    public static DivisionSet SourceTownships => Townships.Value;

    /// <summary>Text as ogrinfo prints a value.</summary>
    public static string? OgrText(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy'/'MM'/'dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy'/'MM'/'dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + (t.Kind == DateTimeKind.Utc ? "+00" : ""),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
