namespace Boundaries.Geo.Crs;

/// <summary>
/// Spherical Web Mercator (EPSG:3857): x = Rλ, y = R ln tan(π/4 + φ/2) with R = 6 378 137 m, applied to geographic
/// lon/lat as if they were on a sphere (which is what EPSG:3857 defines). Latitudes beyond ±85.0511287798° are clamped
/// to the square world of web tiles.
/// </summary>
internal static class WebMercatorProjection
{
    private const double Radius = 6378137.0;
    private const double Deg = Math.PI / 180.0;

    /// <summary>The latitude where the square world ends, atan(sinh(π)) in degrees.</summary>
    public const double MaxLatitude = 85.05112877980659;

    /// <summary>Lon/lat in degrees to x/y in metres.</summary>
    public static void Forward(double lon, double lat, out double x, out double y)
    {
        lat = Math.Clamp(lat, -MaxLatitude, MaxLatitude);
        x = Radius * lon * Deg;
        y = Radius * Math.Log(Math.Tan(Math.PI / 4 + lat * Deg / 2));
    }

    /// <summary>x/y in metres to lon/lat in degrees.</summary>
    public static void Inverse(double x, double y, out double lon, out double lat)
    {
        lon = x / Radius / Deg;
        lat = (2 * Math.Atan(Math.Exp(y / Radius)) - Math.PI / 2) / Deg;
    }
}
