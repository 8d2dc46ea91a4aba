namespace Boundaries.Geo.Gdal;

/// <summary>
/// A raster's affine georeferencing (GDAL's six-number geotransform): the map position of pixel corner (column,
/// row) is x = <see cref="OriginX"/> + column·<see cref="PixelWidth"/> + row·<see cref="RowRotation"/>,
/// y = <see cref="OriginY"/> + column·<see cref="ColumnRotation"/> + row·<see cref="PixelHeight"/>
/// (PixelHeight is negative for north-up images).
/// </summary>
public sealed record GdalGeoTransform(double OriginX, double PixelWidth, double RowRotation, double OriginY, double ColumnRotation, double PixelHeight)
{
    /// <summary>The map coordinates of a pixel position (corner at whole numbers, centre at +0.5).</summary>
    public (double X, double Y) ToMap(double column, double row) =>
        (OriginX + column * PixelWidth + row * RowRotation, OriginY + column * ColumnRotation + row * PixelHeight);
}
