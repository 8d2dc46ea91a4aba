using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using static Boundaries.Geo.Tests.Formats.FormatTestSupport;

namespace Boundaries.Geo.Tests.Gdal;

/// <summary>What <c>ogrinfo -al -q</c> (GDAL's own command-line reader) reports for each feature of a dataset.</summary>
internal static partial class OgrInfoOracle
{
    public sealed record Feature(string Layer, Dictionary<string, string?> Fields, Geometry? Geometry);

    public static List<Feature> Features(string path)
    {
        var output = GdalOk("ogrinfo", "-al", "-q", path);
        var features = new List<Feature>();
        Feature? current = null;
        var wkt = new WKTReader();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (FeatureRegex().Match(line) is { Success: true } f)
            {
                current = new Feature(f.Groups[1].Value, new Dictionary<string, string?>(StringComparer.Ordinal), null);
                features.Add(current);
            }
            else if (current is not null && FieldRegex().Match(line) is { Success: true } field)
            {
                var value = field.Groups[3].Value;
                current.Fields[field.Groups[1].Value] = value == "(null)" ? null : value;
            }
            else if (current is not null && GeometryRegex().IsMatch(line))
            {
                features[^1] = current with { Geometry = wkt.Read(line.Trim()) };
                current = features[^1];
            }
        }
        return features;
    }

    /// <summary>The feature count ogrinfo -so reports for each layer, in order.</summary>
    public static List<long> FeatureCounts(string path) =>
        [.. CountRegex().Matches(GdalOk("ogrinfo", "-al", "-so", path)).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"^OGRFeature\((.*)\):(-?\d+)$")]
    private static partial Regex FeatureRegex();

    [GeneratedRegex(@"^  (\S.*?) \((\w+(?:\(\w+\))?)\) = (.*)$")]
    private static partial Regex FieldRegex();

    [GeneratedRegex(@"^  (POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)")]
    private static partial Regex GeometryRegex();

    [GeneratedRegex(@"Feature Count: (-?\d+)")]
    private static partial Regex CountRegex();
}
