using Boundaries.Geo.Crs;

namespace Boundaries.Geo.Locate;

/// <summary>How <see cref="PointCsvLocator"/> reads and answers a CSV file of points.</summary>
public sealed record PointCsvOptions
{
    /// <summary>All defaults.</summary>
    public static PointCsvOptions Default { get; } = new();

    /// <summary>The system of the x/y columns. Default CGCS2000 lon/lat (EPSG:4490).</summary>
    public CrsCode Crs { get; init; } = CrsCode.Cgcs2000;

    /// <summary>Answer with the divisions in force on this day. Default <c>null</c>: the latest state.</summary>
    public DateOnly? At { get; init; }

    /// <summary>Points read, located and written per step. Default 65 536 (a few MiB of buffers).</summary>
    public int ChunkPoints { get; init; } = 65_536;

    /// <summary>Threads per chunk: -1 = all cores (default), 1 = the calling thread only.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Named in error messages (a file path, "request body"). Default <c>null</c>.</summary>
    public string? SourceName { get; init; }
}
