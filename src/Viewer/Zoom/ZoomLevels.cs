namespace Boundaries.Viewer.Zoom;

/// <summary>
/// Web-map zoom levels (the Web Mercator pyramid: 256-pixel world at zoom 0) and what each needs: the simplification
/// tolerance, in degrees, of half a pixel of longitude at that zoom, and how many decimals keep coordinates within an
/// eighth of that. From <see cref="FullPrecision"/> on the geometry is served as stored.
/// </summary>
internal static class ZoomLevels
{
    /// <summary>
    /// From this zoom (about 3.7 m per pixel at 39° N) on, divisions are served unsimplified and unrounded: what the
    /// map draws there is what editing works on.
    /// </summary>
    public const int FullPrecision = 15;

    /// <summary>Degrees of longitude per pixel at zoom <paramref name="zoom"/>.</summary>
    public static double DegreesPerPixel(int zoom) => 360.0 / (256.0 * Math.Pow(2, zoom));

    /// <summary>The coverage simplification tolerance (degrees) for <paramref name="zoom"/>: half a pixel.</summary>
    public static double Tolerance(int zoom) => DegreesPerPixel(zoom) / 2;

    /// <summary>Decimals kept in coordinates at <paramref name="zoom"/>: rounding moves a vertex by under 1/16 pixel.</summary>
    public static int Decimals(int zoom) => Math.Clamp((int)Math.Ceiling(-Math.Log10(DegreesPerPixel(zoom) / 16)), 0, 15);
}
