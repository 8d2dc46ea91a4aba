namespace Boundaries.Geo.Vectorize;

/// <summary>
/// The affine map from pixel corner coordinates (column, row; 0,0 = the top-left corner of the top-left pixel) to
/// world coordinates, in GDAL's order: X = <see cref="OriginX"/> + col·<see cref="PixelWidth"/> + row·<see cref="RowRotation"/>,
/// Y = <see cref="OriginY"/> + col·<see cref="ColumnRotation"/> + row·<see cref="PixelHeight"/> (negative for north-up images).
/// </summary>
public readonly record struct RasterGeoTransform(double OriginX, double PixelWidth, double RowRotation, double OriginY, double ColumnRotation, double PixelHeight)
{
    /// <summary>The world coordinates of pixel corner (<paramref name="column"/>, <paramref name="row"/>).</summary>
    public (double X, double Y) Apply(double column, double row) =>
        (OriginX + column * PixelWidth + row * RowRotation, OriginY + column * ColumnRotation + row * PixelHeight);

    /// <summary>The area of one pixel in world units squared.</summary>
    public double PixelArea => Math.Abs(PixelWidth * PixelHeight - RowRotation * ColumnRotation);

    /// <summary>
    /// The transform of a world file's six lines (A, D, B, E, C, F), whose C and F locate the <em>centre</em> of the
    /// top-left pixel.
    /// </summary>
    public static RasterGeoTransform FromWorldFile(double a, double d, double b, double e, double c, double f) =>
        new(c - a / 2 - b / 2, a, b, f - d / 2 - e / 2, d, e);
}
