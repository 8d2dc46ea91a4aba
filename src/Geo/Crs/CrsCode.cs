using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Boundaries.Geo.Crs;

/// <summary>
/// Names one coordinate system the toolkit supports: EPSG:4490 (CGCS2000), EPSG:4326 (WGS84), EPSG:3857,
/// the CGCS2000 3-degree Gauss-Krüger zones EPSG:4513–4533 (zone number prefixed to the easting) and
/// EPSG:4534–4554 (false easting 500 000), and the consumer-map systems <c>gcj02</c> and <c>bd09</c>.
/// Text forms: <c>EPSG:4490</c>, <c>4490</c>, <c>gcj02</c>, <c>bd09</c>.
/// </summary>
public readonly record struct CrsCode
{
    private CrsCode(CrsKind kind, int epsg)
    {
        Kind = kind;
        Epsg = epsg;
    }

    /// <summary>CGCS2000 geographic, the storage and exchange system.</summary>
    public static CrsCode Cgcs2000 { get; } = new(CrsKind.Geographic, 4490);

    /// <summary>WGS84 geographic.</summary>
    public static CrsCode Wgs84 { get; } = new(CrsKind.Geographic, 4326);

    /// <summary>Web Mercator.</summary>
    public static CrsCode WebMercator { get; } = new(CrsKind.WebMercator, 3857);

    /// <summary>GCJ-02 lon/lat.</summary>
    public static CrsCode Gcj02 { get; } = new(CrsKind.Gcj02, 0);

    /// <summary>BD-09 lon/lat.</summary>
    public static CrsCode Bd09 { get; } = new(CrsKind.Bd09, 0);

    /// <summary>The family.</summary>
    public CrsKind Kind { get; }

    /// <summary>The EPSG code; 0 for GCJ-02 and BD-09, which have none.</summary>
    public int Epsg { get; }

    /// <summary>For a Gauss-Krüger system, the 3-degree zone number (25–45); otherwise 0.</summary>
    public int Zone => Kind == CrsKind.GaussKruger ? 25 + (ZonePrefixed ? Epsg - 4513 : Epsg - 4534) : 0;

    /// <summary>For a Gauss-Krüger system, the central meridian in degrees east (3 × zone); otherwise NaN.</summary>
    public double CentralMeridian => Kind == CrsKind.GaussKruger ? 3.0 * Zone : double.NaN;

    /// <summary>True for EPSG:4513–4533, whose easting carries the zone number (zone × 10⁶ + 500 000).</summary>
    public bool ZonePrefixed => Kind == CrsKind.GaussKruger && Epsg <= 4533;

    /// <summary>True when coordinates are degrees of lon/lat (geographic, GCJ-02, BD-09).</summary>
    public bool IsLonLat => Kind is CrsKind.Geographic or CrsKind.Gcj02 or CrsKind.Bd09;

    /// <summary>
    /// The Gauss-Krüger system of a 3-degree zone (25–45), in either form.
    /// </summary>
    public static CrsCode GaussKruger(int zone, bool zonePrefixed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(zone, 25);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(zone, 45);
        return new CrsCode(CrsKind.GaussKruger, (zonePrefixed ? 4513 : 4534) + zone - 25);
    }

    /// <summary>The 3-degree zone whose central meridian is nearest to <paramref name="longitude"/> (zone = round(lon / 3)).</summary>
    public static int ZoneOfLongitude(double longitude)
    {
        var zone = (int)Math.Round(longitude / 3.0, MidpointRounding.AwayFromZero);
        return Math.Clamp(zone, 25, 45);
    }

    /// <summary>The system for an EPSG code, when supported.</summary>
    public static bool TryFromEpsg(int epsg, out CrsCode code)
    {
        code = epsg switch
        {
            4490 => Cgcs2000,
            4326 => Wgs84,
            3857 or 900913 => WebMercator,
            >= 4513 and <= 4554 => new CrsCode(CrsKind.GaussKruger, epsg),
            _ => default,
        };
        return code.Kind != 0;
    }

    /// <summary>Parses <c>EPSG:n</c>, <c>n</c>, <c>gcj02</c> or <c>bd09</c> (case-insensitive).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CrsCode? code)
    {
        code = null;
        var s = text?.Trim().ToLowerInvariant() ?? "";
        if (s is "gcj02" or "gcj-02")
        {
            code = Gcj02;
            return true;
        }
        if (s is "bd09" or "bd-09")
        {
            code = Bd09;
            return true;
        }
        if (s.StartsWith("epsg:", StringComparison.Ordinal))
        {
            s = s[5..];
        }
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var epsg) && TryFromEpsg(epsg, out var c))
        {
            code = c;
            return true;
        }
        return false;
    }

    /// <summary>Parses like <see cref="TryParse"/>, or throws <see cref="FormatException"/> listing what is supported.</summary>
    public static CrsCode Parse(string text) =>
        TryParse(text, out var code)
            ? code.Value
            : throw new FormatException(
                $"unknown coordinate system '{text}'; supported: EPSG:4490, EPSG:4326, EPSG:3857, EPSG:4513–4554 (CGCS2000 3-degree Gauss-Krüger), gcj02, bd09");

    /// <summary><c>EPSG:n</c>, or <c>gcj02</c> / <c>bd09</c>.</summary>
    public override string ToString() => Kind switch
    {
        CrsKind.Gcj02 => "gcj02",
        CrsKind.Bd09 => "bd09",
        0 => "(none)",
        _ => "EPSG:" + Epsg.ToString(CultureInfo.InvariantCulture),
    };
}
