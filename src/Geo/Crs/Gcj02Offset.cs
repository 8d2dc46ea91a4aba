namespace Boundaries.Geo.Crs;

/// <summary>
/// GCJ-02, the obfuscated lon/lat of Chinese consumer maps, by the widely published formula on the Krasovsky
/// ellipsoid (a = 6 378 245 m, e² = 0.00669342162296594323). Outside China's rough bounding box
/// (lon 72.004–137.8347, lat 0.8293–55.8271) there is no offset. The inverse is iterative: it applies the forward
/// offset to its current guess and corrects by the difference until the change is below 1e-12° (about 0.1 µm).
/// </summary>
internal static class Gcj02Offset
{
    private const double KrasovskyA = 6378245.0;
    private const double KrasovskyE2 = 0.00669342162296594323;
    private const double Deg = Math.PI / 180.0;

    /// <summary>True outside the bounding box where the offset applies.</summary>
    public static bool IsOutsideChina(double lon, double lat) =>
        lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;

    /// <summary>CGCS2000/WGS84 lon/lat to GCJ-02 lon/lat (degrees).</summary>
    public static void Forward(double lon, double lat, out double gcjLon, out double gcjLat)
    {
        if (IsOutsideChina(lon, lat))
        {
            gcjLon = lon;
            gcjLat = lat;
            return;
        }
        var x = lon - 105.0;
        var y = lat - 35.0;
        var dLat = OffsetLat(x, y);
        var dLon = OffsetLon(x, y);
        var radLat = lat * Deg;
        var sin = Math.Sin(radLat);
        var magic = 1 - KrasovskyE2 * sin * sin;
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat / (KrasovskyA * (1 - KrasovskyE2) / (magic * sqrtMagic) * Deg);
        dLon = dLon / (KrasovskyA / sqrtMagic * Math.Cos(radLat) * Deg);
        gcjLon = lon + dLon;
        gcjLat = lat + dLat;
    }

    /// <summary>GCJ-02 lon/lat to CGCS2000/WGS84 lon/lat (degrees), by fixed-point iteration on <see cref="Forward"/>.</summary>
    public static void Inverse(double gcjLon, double gcjLat, out double lon, out double lat)
    {
        lon = gcjLon;
        lat = gcjLat;
        for (var i = 0; i < 30; i++)
        {
            Forward(lon, lat, out var fLon, out var fLat);
            var dLon = fLon - gcjLon;
            var dLat = fLat - gcjLat;
            lon -= dLon;
            lat -= dLat;
            if (Math.Abs(dLon) < 1e-12 && Math.Abs(dLat) < 1e-12)
            {
                break;
            }
        }
    }

    private static double OffsetLat(double x, double y)
    {
        var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x));
        r += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320.0 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double OffsetLon(double x, double y)
    {
        var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x));
        r += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}
