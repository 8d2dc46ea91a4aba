namespace Boundaries.Geo.Crs;

/// <summary>
/// BD-09, Baidu's lon/lat: GCJ-02 shifted again by the widely published formula
/// (z = √(x² + y²) + 2e-5 sin(y·3000π/180), θ = atan2(y, x) + 3e-6 cos(x·3000π/180), then + (0.0065, 0.006)).
/// The inverse starts from the published closed-form approximation and refines it by fixed-point iteration on the
/// forward formula until the change is below 1e-12°.
/// </summary>
internal static class Bd09Offset
{
    private const double XPi = Math.PI * 3000.0 / 180.0;

    /// <summary>GCJ-02 lon/lat to BD-09 lon/lat (degrees).</summary>
    public static void FromGcj02(double gcjLon, double gcjLat, out double bdLon, out double bdLat)
    {
        var z = Math.Sqrt(gcjLon * gcjLon + gcjLat * gcjLat) + 0.00002 * Math.Sin(gcjLat * XPi);
        var theta = Math.Atan2(gcjLat, gcjLon) + 0.000003 * Math.Cos(gcjLon * XPi);
        bdLon = z * Math.Cos(theta) + 0.0065;
        bdLat = z * Math.Sin(theta) + 0.006;
    }

    /// <summary>BD-09 lon/lat to GCJ-02 lon/lat (degrees).</summary>
    public static void ToGcj02(double bdLon, double bdLat, out double gcjLon, out double gcjLat)
    {
        var x = bdLon - 0.0065;
        var y = bdLat - 0.006;
        var z = Math.Sqrt(x * x + y * y) - 0.00002 * Math.Sin(y * XPi);
        var theta = Math.Atan2(y, x) - 0.000003 * Math.Cos(x * XPi);
        gcjLon = z * Math.Cos(theta);
        gcjLat = z * Math.Sin(theta);
        for (var i = 0; i < 30; i++)
        {
            FromGcj02(gcjLon, gcjLat, out var fLon, out var fLat);
            var dLon = fLon - bdLon;
            var dLat = fLat - bdLat;
            gcjLon -= dLon;
            gcjLat -= dLat;
            if (Math.Abs(dLon) < 1e-12 && Math.Abs(dLat) < 1e-12)
            {
                break;
            }
        }
    }

    /// <summary>CGCS2000/WGS84 lon/lat to BD-09 (through GCJ-02).</summary>
    public static void Forward(double lon, double lat, out double bdLon, out double bdLat)
    {
        Gcj02Offset.Forward(lon, lat, out var gLon, out var gLat);
        FromGcj02(gLon, gLat, out bdLon, out bdLat);
    }

    /// <summary>BD-09 to CGCS2000/WGS84 lon/lat (through GCJ-02, both steps iterative).</summary>
    public static void Inverse(double bdLon, double bdLat, out double lon, out double lat)
    {
        ToGcj02(bdLon, bdLat, out var gLon, out var gLat);
        Gcj02Offset.Inverse(gLon, gLat, out lon, out lat);
    }
}
