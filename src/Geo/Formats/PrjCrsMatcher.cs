using System.Globalization;
using System.Text.RegularExpressions;
using Boundaries.Geo.Crs;

namespace Boundaries.Geo.Formats;

/// <summary>
/// Recognises the coordinate system of a WKT 1 definition (a shapefile's .prj, in ESRI or OGC flavour) by its
/// datum, projection and parameters rather than by exact text: CGCS2000 geographic → EPSG:4490, WGS 84 geographic →
/// EPSG:4326, Web Mercator → EPSG:3857, and a CGCS2000 transverse Mercator / Gauss-Krüger with a central meridian
/// that is a multiple of 3° (75°–135°), scale 1, false northing 0 and false easting 500 000 (or zone × 10⁶ + 500 000)
/// → EPSG:4534–4554 (or 4513–4533).
/// </summary>
internal static partial class PrjCrsMatcher
{
    /// <summary>The system the WKT names, or <c>null</c> when it is not one the toolkit supports.</summary>
    public static CrsCode? Match(string wkt)
    {
        var text = wkt.Trim();
        var isProjected = text.StartsWith("PROJCS", StringComparison.OrdinalIgnoreCase) || text.StartsWith("PROJCRS", StringComparison.OrdinalIgnoreCase);
        var datum = DatumRegex().Match(text) is { Success: true } d ? Normalise(d.Groups[1].Value) : "";
        var isCgcs2000 = datum.Contains("china2000", StringComparison.Ordinal) || datum.Contains("cgcs2000", StringComparison.Ordinal)
            || datum.Contains("chinageodeticcoordinatesystem2000", StringComparison.Ordinal);
        var isWgs84 = datum is "wgs1984" or "dwgs1984" or "worldgeodeticsystem1984";
        if (!isProjected)
        {
            return isCgcs2000 ? CrsCode.Cgcs2000 : isWgs84 ? CrsCode.Wgs84 : null;
        }

        var name = Normalise(NameRegex().Match(text).Groups[1].Value);
        var projection = ProjectionRegex().Match(text) is { Success: true } p ? Normalise(p.Groups[1].Value) : "";
        if (projection is "mercatorauxiliarysphere" or "popularvisualisationpseudomercator"
            || name.Contains("webmercator", StringComparison.Ordinal) || name.Contains("pseudomercator", StringComparison.Ordinal))
        {
            return CrsCode.WebMercator;
        }
        if (!isCgcs2000 || projection is not ("transversemercator" or "gausskruger"))
        {
            return null;
        }
        var cm = Parameter(text, "centralmeridian");
        var fe = Parameter(text, "falseeasting");
        var fn = Parameter(text, "falsenorthing") ?? 0;
        var k = Parameter(text, "scalefactor") ?? 1;
        var lat0 = Parameter(text, "latitudeoforigin") ?? 0;
        if (cm is not { } meridian || fe is not { } easting || fn != 0 || k != 1 || lat0 != 0 || meridian % 3 != 0)
        {
            return null;
        }
        var zone = (int)(meridian / 3);
        if (zone is < 25 or > 45)
        {
            return null;
        }
        if (easting == 500_000)
        {
            return CrsCode.GaussKruger(zone, zonePrefixed: false);
        }
        return easting == zone * 1_000_000 + 500_000 ? CrsCode.GaussKruger(zone, zonePrefixed: true) : null;
    }

    private static double? Parameter(string wkt, string normalisedName)
    {
        foreach (Match m in ParameterRegex().Matches(wkt))
        {
            if (Normalise(m.Groups[1].Value) == normalisedName
                && double.TryParse(m.Groups[2].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>Lower case, letters and digits only: <c>D_China_2000</c> → <c>dchina2000</c>.</summary>
    private static string Normalise(string s) => new([.. s.ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    [GeneratedRegex(@"DATUM\s*\[\s*""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex DatumRegex();

    [GeneratedRegex(@"^\w+\s*\[\s*""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"PROJECTION\s*\[\s*""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ProjectionRegex();

    [GeneratedRegex(@"PARAMETER\s*\[\s*""([^""]*)""\s*,\s*([-+0-9.eE]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ParameterRegex();
}
