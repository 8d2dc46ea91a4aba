namespace Boundaries.Geo.Gdal;

/// <summary>A rectangle of pixel values read from a band, row by row.</summary>
/// <param name="Column">The first column (0-based).</param>
/// <param name="Row">The first row (0-based).</param>
/// <param name="Width">Columns in the block (smaller at the right edge).</param>
/// <param name="Height">Rows in the block (smaller at the bottom edge).</param>
/// <param name="Values">Width × Height values as doubles, row-major; value (c, r) is at r·Width + c.</param>
public sealed record GdalRasterBlock(int Column, int Row, int Width, int Height, double[] Values)
{
    /// <summary>The value at (column, row) relative to the block's corner.</summary>
    public double this[int column, int row] => Values[(row * Width) + column];
}
