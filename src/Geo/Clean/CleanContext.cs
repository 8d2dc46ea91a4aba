using Boundaries.Geo.Crs;
using Boundaries.Geo.Measure;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Clean;

/// <summary>What every coverage job shares: options, the grid, the metric geometry of each division, and transforms.</summary>
internal sealed class CleanContext(CleanOptions options, PrecisionModel precision, GeometryFactory factory, Geometry[] metric,
    CoordinateTransformer toInput, CoordinateTransformer toLonLat)
{
    public CleanOptions Options { get; } = options;

    public PrecisionModel Precision { get; } = precision;

    public GeometryFactory Factory { get; } = factory;

    /// <summary>Each division's geometry in the metric plane (the cleaned one once its coverage is done).</summary>
    public Geometry[] Metric { get; } = metric;

    public Geometry ToInput(Geometry metricGeometry) => toInput.Transform(metricGeometry);

    public double EllipsoidalArea(Geometry metricGeometry) => EllipsoidalMeasure.AreaSquareMeters(toLonLat.Transform(metricGeometry));
}
