using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;

namespace Boundaries.Geo.Vectorize;

/// <summary>Options of <see cref="RasterVectorizer.Build"/>.</summary>
public sealed record RasterVectorizeOptions
{
    /// <summary>
    /// The simplification tolerance in pixels applied to the traced stair-steps by a coverage-preserving simplifier
    /// (shared edges simplified once, nodes kept); 0 keeps the exact pixel outlines. Default 0.75.
    /// </summary>
    public double SimplifyPixels { get; init; } = 0.75;

    /// <summary>The level of divisions whose table entry does not say. Default <see cref="DivisionLevel.Township"/>.</summary>
    public DivisionLevel DefaultLevel { get; init; } = DivisionLevel.Township;

    /// <summary>When true, a pixel value missing from the code table is an error finding instead of a warning. Default false.</summary>
    public bool Strict { get; init; }

    /// <summary>The value that means "no division here", overriding the raster's own (GDAL_NODATA); <c>null</c> = the raster's.</summary>
    public long? NoDataValue { get; init; }

    /// <summary>The grid every vertex is snapped to, in Gauss-Krüger metres. Default 0.001 (1 mm).</summary>
    public double GridMeters { get; init; } = 0.001;

    /// <summary>The coordinate system of the raster when it states none (or to override it); <c>null</c> = the raster's own.</summary>
    public CrsCode? RasterCrs { get; init; }
}
