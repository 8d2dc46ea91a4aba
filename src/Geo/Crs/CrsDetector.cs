using System.Globalization;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Crs;

/// <summary>
/// Guesses the coordinate system of data that came without one (a shapefile without .prj, a CSV) from the ranges of
/// its coordinates. The rules, tried in order on the whole envelope:
/// <list type="number">
/// <item>x in 73–136 and y in 3–54: lon/lat over China (EPSG:4490).</item>
/// <item>x in 3–54 and y in 73–136: the same with the axes swapped (latitude first). An envelope that fits both
/// readings cannot exist; one that could also be lon/lat in the Arctic (x 3–54, y 73–90) is read as swapped Chinese
/// data.</item>
/// <item>|x| ≤ 180 and |y| ≤ 90: lon/lat elsewhere (EPSG:4490); |x| ≤ 90 and |y| ≤ 180: the same, swapped.</item>
/// <item>x = zone × 10⁶ + 0–10⁶ with one zone in 25–45, y in 0–6 500 000: zone-prefixed Gauss-Krüger (EPSG:4513–4533);
/// the same with x and y exchanged: swapped.</item>
/// <item>x in 8.1–15.2 × 10⁶ and y in 0.33–7.2 × 10⁶: Web Mercator (EPSG:3857) over China.</item>
/// <item>x in 0–1 000 000 and y in 0–6 500 000 (or exchanged): Gauss-Krüger without the zone prefix. The zone cannot
/// be known from the numbers, so the result is ambiguous and says to pass <c>--from EPSG:45xx</c>.</item>
/// </list>
/// Anything else is ambiguous. The detector never sees datums: WGS84 data is reported as EPSG:4490, which the toolkit
/// treats as the same (they differ by centimetres).
/// </summary>
public static class CrsDetector
{
    private const double MaxNorthing = 6_500_000;

    /// <summary>Decides the system of coordinates whose bounding box is <paramref name="envelope"/>.</summary>
    /// <returns>A detection; <see cref="CrsDetection.Crs"/> is null and <see cref="CrsDetection.Ambiguity"/> says what
    /// to pass when the ranges do not decide it (also for an empty envelope).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="envelope"/> is null.</exception>
    public static CrsDetection Detect(Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.IsNull || !double.IsFinite(envelope.MinX) || !double.IsFinite(envelope.MaxX)
            || !double.IsFinite(envelope.MinY) || !double.IsFinite(envelope.MaxY))
        {
            return new CrsDetection(null, false,
                "There are no (finite) coordinates to detect a coordinate system from; pass --from with the system, e.g. --from EPSG:4490.",
                "empty envelope");
        }
        var (x0, x1, y0, y1) = (envelope.MinX, envelope.MaxX, envelope.MinY, envelope.MaxY);
        var ranges = Ranges(x0, x1, y0, y1);

        if (In(x0, x1, 73, 136) && In(y0, y1, 3, 54))
        {
            return new CrsDetection(CrsCode.Cgcs2000, false, null, $"lon/lat over China ({ranges})");
        }
        if (In(x0, x1, 3, 54) && In(y0, y1, 73, 136))
        {
            return new CrsDetection(CrsCode.Cgcs2000, true, null, $"lat/lon over China, latitude first ({ranges})");
        }
        if (In(x0, x1, -180, 180) && In(y0, y1, -90, 90))
        {
            return new CrsDetection(CrsCode.Cgcs2000, false, null, $"lon/lat ({ranges})");
        }
        if (In(x0, x1, -90, 90) && In(y0, y1, -180, 180))
        {
            return new CrsDetection(CrsCode.Cgcs2000, true, null, $"lat/lon, latitude first ({ranges})");
        }

        if (PrefixedZone(x0, x1) is { } zone && In(y0, y1, 0, MaxNorthing))
        {
            return new CrsDetection(CrsCode.GaussKruger(zone, zonePrefixed: true), false, null,
                $"Gauss-Krüger metres with zone {zone} prefixed to the easting ({ranges})");
        }
        if (PrefixedZone(y0, y1) is { } swappedZone && In(x0, x1, 0, MaxNorthing))
        {
            return new CrsDetection(CrsCode.GaussKruger(swappedZone, zonePrefixed: true), true, null,
                $"Gauss-Krüger metres with zone {swappedZone} prefixed to the easting, northing first ({ranges})");
        }
        if (SpansPrefixedZones(x0, x1) || SpansPrefixedZones(y0, y1))
        {
            var swapped = !SpansPrefixedZones(x0, x1);
            var (lo, hi) = swapped ? (y0, y1) : (x0, x1);
            return new CrsDetection(null, swapped, string.Create(CultureInfo.InvariantCulture,
                $"Coordinates ({ranges}) look like zone-prefixed Gauss-Krüger eastings but span zones {Math.Floor(lo / 1e6)}–{Math.Floor(hi / 1e6)}; one data set holds one zone: pass --from EPSG:45xx with the zone of the data (EPSG:4513 + zone − 25)."),
                $"zone-prefixed eastings over several zones ({ranges})");
        }

        if (In(x0, x1, 8_100_000, 15_200_000) && In(y0, y1, 330_000, 7_200_000))
        {
            return new CrsDetection(CrsCode.WebMercator, false, null, $"Web Mercator metres over China ({ranges})");
        }

        if (In(x0, x1, 0, 1_000_000) && In(y0, y1, 0, MaxNorthing))
        {
            return new CrsDetection(null, false, UnprefixedMessage(ranges, swapped: false),
                $"Gauss-Krüger metres without zone prefix ({ranges})");
        }
        if (In(y0, y1, 0, 1_000_000) && In(x0, x1, 0, MaxNorthing))
        {
            return new CrsDetection(null, true, UnprefixedMessage(ranges, swapped: true),
                $"Gauss-Krüger metres without zone prefix, northing first ({ranges})");
        }

        return new CrsDetection(null, false,
            $"Coordinates ({ranges}) fit no coordinate system the toolkit recognises from ranges (lon/lat, CGCS2000 Gauss-Krüger, Web Mercator over China); pass --from with the system, e.g. --from EPSG:4490 or --from EPSG:4548.",
            $"unrecognised ranges ({ranges})");
    }

    private static string UnprefixedMessage(string ranges, bool swapped) =>
        $"Coordinates ({ranges}) look like CGCS2000 3-degree Gauss-Krüger metres without the zone number in the easting"
        + (swapped ? ", with the northing first" : "")
        + "; the zone cannot be told from the numbers alone. Pass --from EPSG:45xx with the zone of the data: "
        + "EPSG:4534 + zone − 25, where zone = central meridian / 3 (e.g. --from EPSG:4548 for zone 39, 117°E, Tianjin and Beijing)"
        + (swapped ? ", and swap the axes (northing is first)." : ".");

    private static bool In(double lo, double hi, double min, double max) => lo >= min && hi <= max;

    /// <summary>The zone when both ends of the range are zone × 10⁶ + (0..10⁶) for one zone in 25–45.</summary>
    private static int? PrefixedZone(double lo, double hi)
    {
        var z0 = Math.Floor(lo / 1_000_000);
        var z1 = Math.Floor(hi / 1_000_000);
        return z0 == z1 && z0 is >= 25 and <= 45 ? (int)z0 : null;
    }

    private static bool SpansPrefixedZones(double lo, double hi) =>
        lo >= 25_000_000 && hi < 46_000_000 && Math.Floor(lo / 1_000_000) != Math.Floor(hi / 1_000_000);

    private static string Ranges(double x0, double x1, double y0, double y1) =>
        string.Create(CultureInfo.InvariantCulture, $"x {x0:G10}…{x1:G10}, y {y0:G10}…{y1:G10}");
}
