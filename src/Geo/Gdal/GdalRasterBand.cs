using Boundaries.Geo.Formats;

namespace Boundaries.Geo.Gdal;

/// <summary>
/// One band of a <see cref="GdalRasterDataset"/>: its size, data type, no-data value and natural block size, read
/// in windows or block by block as doubles (every GDAL type up to 32-bit integers and floats converts exactly).
/// Valid while its dataset is open.
/// </summary>
public sealed class GdalRasterBand
{
    private readonly GdalRasterDataset dataset;
    private readonly nint band;

    internal unsafe GdalRasterBand(GdalRasterDataset dataset, nint band, int number)
    {
        this.dataset = dataset;
        this.band = band;
        Number = number;
        int bw, bh;
        GdalNative.GDALGetBlockSize(band, &bw, &bh);
        BlockWidth = bw;
        BlockHeight = bh;
        DataType = GdalNative.Text(GdalNative.GDALGetDataTypeName(GdalNative.GDALGetRasterDataType(band))) ?? "Unknown";
        int hasNoData;
        var noData = GdalNative.GDALGetRasterNoDataValue(band, &hasNoData);
        NoData = hasNoData != 0 ? noData : null;
    }

    /// <summary>The 1-based band number.</summary>
    public int Number { get; }

    /// <summary>GDAL's data type name: <c>Byte</c>, <c>UInt16</c>, <c>Int32</c>, <c>Float32</c> …</summary>
    public string DataType { get; }

    /// <summary>The no-data value; <c>null</c> when the band has none.</summary>
    public double? NoData { get; }

    /// <summary>The natural block width in pixels (a tile or a strip).</summary>
    public int BlockWidth { get; }

    /// <summary>The natural block height in pixels.</summary>
    public int BlockHeight { get; }

    /// <summary>
    /// Reads the window of <paramref name="width"/> × <paramref name="height"/> pixels at (<paramref name="column"/>,
    /// <paramref name="row"/>) at full resolution (GDALRasterIO).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The window is not inside the raster.</exception>
    /// <exception cref="BoundariesFormatException">GDAL cannot read the pixels (a damaged file); the message is GDAL's.</exception>
    public unsafe GdalRasterBlock Read(int column, int row, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(column + width, dataset.Width);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(row + height, dataset.Height);
        dataset.ThrowIfDisposed();
        var values = new double[checked(width * height)];
        GdalNative.CPLErrorReset();
        int result;
        fixed (double* buffer = values)
        {
            const int read = 0;
            const int float64 = 7;
            result = GdalNative.GDALRasterIO(band, read, column, row, width, height, buffer, width, height, float64, 0, 0);
        }
        if (result >= 3)
        {
            throw new BoundariesFormatException($"GDAL cannot read band {Number} at column {column}, row {row}: {GdalLibrary.LastError("read failed")}", dataset.Path);
        }
        return new GdalRasterBlock(column, row, width, height, values);
    }

    /// <summary>Reads the natural block (<paramref name="blockColumn"/>, <paramref name="blockRow"/>), clipped at the raster's edges.</summary>
    public GdalRasterBlock ReadBlock(int blockColumn, int blockRow)
    {
        var column = blockColumn * BlockWidth;
        var row = blockRow * BlockHeight;
        return Read(column, row, Math.Min(BlockWidth, dataset.Width - column), Math.Min(BlockHeight, dataset.Height - row));
    }

    /// <summary>Every natural block, row of blocks by row of blocks, left to right.</summary>
    public IEnumerable<GdalRasterBlock> Blocks()
    {
        var across = (dataset.Width + BlockWidth - 1) / BlockWidth;
        var down = (dataset.Height + BlockHeight - 1) / BlockHeight;
        for (var by = 0; by < down; by++)
        {
            for (var bx = 0; bx < across; bx++)
            {
                yield return ReadBlock(bx, by);
            }
        }
    }
}
