using System.Collections.Immutable;
using System.Globalization;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;
using NetTopologySuite.Precision;

namespace Boundaries.Geo.Normalize;

/// <summary>
/// Brings divisions to the toolkit's canonical form: CGCS2000 lon/lat whose vertices lie on a 1 mm grid in the
/// Gauss-Krüger metres of the data's zone, with every polygon valid. Steps, per division:
/// project to Gauss-Krüger; snap each vertex to the grid; merge vertices that fell together; drop rings that
/// collapsed; repair what is still invalid (NTS <see cref="GeometryFixer"/>, then snap-rounding on the grid so the
/// repair's new vertices are on the grid too); project back. Every change is reported with the division it concerns.
/// </summary>
/// <remarks>
/// Snapping before comparing edges is what makes a shared edge shared exactly: two copies of a vertex that differ by
/// less than half a millimetre land on the same grid point. Projecting back and forth again lands on the same grid
/// point, because the projection round trip is accurate to nanometres.
/// </remarks>
public static class Normalizer
{
    /// <summary>Normalizes every division of <paramref name="set"/>; the input is not changed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="set"/> is null.</exception>
    /// <exception cref="ArgumentException">The set has no geometry to choose a zone from and no metric system was given.</exception>
    public static NormalizeResult Normalize(DivisionSet set, NormalizeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        options ??= new NormalizeOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.GridMeters);

        var toLonLat = CoordinateTransformer.Create(set.Crs, CrsCode.Cgcs2000);
        var metric = options.MetricCrs
            ?? (set.Crs.Kind == CrsKind.GaussKruger
                ? set.Crs
                : GaussKrugerZone.MetricCrsFor(set.Divisions.Select(d => toLonLat.Transform(d.Geometry))));
        var toMetric = CoordinateTransformer.Create(set.Crs, metric);
        var fromMetric = CoordinateTransformer.Create(metric, CrsCode.Cgcs2000);
        var precision = new PrecisionModel(1.0 / options.GridMeters);

        var changes = ImmutableArray.CreateBuilder<NormalizeChange>();
        var divisions = ImmutableArray.CreateBuilder<Division>(set.Divisions.Length);
        foreach (var division in set.Divisions)
        {
            var reporter = new ChangeReporter(division, fromMetric, changes);
            var projected = toMetric.Transform(division.Geometry);
            var normalized = NormalizeMetric(projected, precision, reporter);
            var lonLat = fromMetric.Transform(normalized);
            lonLat.SRID = CrsCode.Cgcs2000.Epsg;
            divisions.Add(division with { Geometry = lonLat });
        }
        return new NormalizeResult(new DivisionSet(divisions.MoveToImmutable(), CrsCode.Cgcs2000), metric, changes.ToImmutable());
    }

    private static Geometry NormalizeMetric(Geometry metric, PrecisionModel precision, ChangeReporter reporter)
    {
        var snapped = GridSnapper.Snap(metric, precision, out var moved, out var maxShift, out var merged);
        if (moved > 0)
        {
            reporter.Add(NormalizeChangeKind.VerticesSnapped,
                string.Create(CultureInfo.InvariantCulture, $"{moved} vertices moved onto the grid, largest move {maxShift * 1000:0.###} mm"),
                maxShift, null, moved);
        }
        if (merged > 0)
        {
            reporter.Add(NormalizeChangeKind.RepeatedVerticesRemoved,
                string.Create(CultureInfo.InvariantCulture, $"{merged} repeated vertices merged"), merged, null, merged);
        }
        var kept = GridSnapper.DropCollapsedRings(snapped, out var dropped);
        foreach (var (ring, areaBefore) in dropped)
        {
            reporter.Add(NormalizeChangeKind.CollapsedPartDropped,
                string.Create(CultureInfo.InvariantCulture, $"ring of {ring.NumPoints} vertices collapsed on the grid"), areaBefore, ring.Centroid, 1);
        }

        var validity = new IsValidOp(kept);
        if (validity.IsValid)
        {
            return kept;
        }
        var error = validity.ValidationError;
        var repaired = Polygons(GeometryPrecisionReducer.Reduce(GeometryFixer.Fix(kept), precision), kept.Factory);
        var at = kept.Factory.CreatePoint(error.Coordinate);
        reporter.Add(NormalizeChangeKind.InvalidRepaired,
            string.Create(CultureInfo.InvariantCulture,
                $"{error.Message} repaired; area {kept.Area:0.###} m² -> {repaired.Area:0.###} m², parts {kept.NumGeometries} -> {repaired.NumGeometries}"),
            Math.Abs(repaired.Area - kept.Area), at, 1, error.ErrorType);
        return repaired;
    }

    /// <summary>The polygonal part of a repair's result, as a Polygon or MultiPolygon.</summary>
    private static Geometry Polygons(Geometry geometry, GeometryFactory factory)
    {
        if (geometry is Polygon or MultiPolygon)
        {
            return geometry;
        }
        var polygons = PolygonExtracter.GetPolygons(geometry).Cast<Polygon>().ToArray();
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    private sealed class ChangeReporter(Division division, CoordinateTransformer toLonLat, ImmutableArray<NormalizeChange>.Builder sink)
    {
        public void Add(NormalizeChangeKind kind, string detail, double measure, Point? metricLocation, int count, TopologyValidationErrors? defect = null)
        {
            Point? location = null;
            if (metricLocation is { IsEmpty: false })
            {
                location = (Point)toLonLat.Transform(metricLocation);
                location.SRID = CrsCode.Cgcs2000.Epsg;
            }
            sink.Add(new NormalizeChange(division.Code, division.Name, kind, detail, measure, location, count, defect));
        }
    }
}
