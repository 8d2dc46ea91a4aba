using System.Collections.Immutable;
using Boundaries.Geo.Crs;

namespace Boundaries.Geo.Vectorize;

/// <summary>
/// A label map: a grid of integer pixel values, each value standing for one division (through a
/// <see cref="RasterCodeTable"/>), placed in the world by <see cref="Transform"/>.
/// </summary>
/// <param name="Width">Columns.</param>
/// <param name="Height">Rows.</param>
/// <param name="Values">Row-major pixel values (row 0 first); an RGB pixel is <c>R·65536 + G·256 + B</c>, a palette pixel its index.</param>
/// <param name="Transform">Pixel corners to world coordinates.</param>
/// <param name="Crs">The world coordinate system; <c>null</c> when the file does not say.</param>
/// <param name="NoData">The value that means "no division here"; <c>null</c> = none.</param>
public sealed record LabelRaster(int Width, int Height, ImmutableArray<long> Values, RasterGeoTransform Transform, CrsCode? Crs, long? NoData)
{
    /// <summary>The value at (<paramref name="column"/>, <paramref name="row"/>).</summary>
    public long this[int column, int row] => Values[row * Width + column];
}
