using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Enclaves;

/// <summary>What the option generators share: the set, its metric plane (1 mm grid), the divisions there, the scoring layers.</summary>
internal sealed class OptionContext
{
    private readonly Dictionary<(DivisionLevel, string), Geometry> _metric = [];
    private readonly CoordinateTransformer? _lonLatToSource;

    public OptionContext(DivisionSet set, MetricFrame frame, ScoringInputs? inputs, STRtree<Geometry>? lineIndex, ResolverSettings settings)
    {
        Set = set;
        Frame = frame;
        Inputs = inputs;
        LineIndex = lineIndex;
        Settings = settings;
        Markers = MarkerScores.For(inputs, frame);
        ByCode = set.Divisions.GroupBy(d => (d.Level, d.Code)).ToDictionary(g => g.Key, g => g.First());
        _lonLatToSource = set.Crs.Kind == CrsKind.GaussKruger ? CoordinateTransformer.Create(CrsCode.Cgcs2000, set.Crs) : null;
    }

    public DivisionSet Set { get; }
    public MetricFrame Frame { get; }
    public ScoringInputs? Inputs { get; }
    public STRtree<Geometry>? LineIndex { get; }
    public ResolverSettings Settings { get; }
    public MarkerScores? Markers { get; }
    public Dictionary<(DivisionLevel, string), Division> ByCode { get; }

    /// <summary>A division in the metric plane (cached).</summary>
    public Geometry Metric(DivisionLevel level, string code)
    {
        if (!_metric.TryGetValue((level, code), out var g))
        {
            g = Frame.ToMetric(ByCode[(level, code)].Geometry, out _);
            _metric[(level, code)] = g;
        }
        return g;
    }

    /// <summary>A lon/lat polygon (a finding's piece) in the metric plane, on the grid.</summary>
    public Geometry LonLatToMetric(Geometry lonLat) =>
        Frame.ToMetric(_lonLatToSource is null ? lonLat : _lonLatToSource.Transform(lonLat), out _);

    /// <summary>The divisions of a level (other than <paramref name="except"/>) whose metric envelope meets <paramref name="window"/>.</summary>
    public IEnumerable<Division> Near(DivisionLevel level, Envelope window, string? except = null) =>
        Set.OfLevel(level).Where(d => d.Code != except && Metric(level, d.Code).EnvelopeInternal.Intersects(window));

    /// <summary>Overlay on the 1 mm grid, repairing a dirty input first when needed.</summary>
    /// <summary>Two areas give an area: lines and points an overlay leaves where the inputs only touch are dropped.</summary>
    public static Geometry Overlay(Geometry a, Geometry b, SpatialFunction op)
    {
        var areas = a.Dimension == Dimension.Surface && b.Dimension == Dimension.Surface;
        if (areas)
        {
            a = Polygonal(a);
            b = Polygonal(b);
        }
        Geometry result;
        try
        {
            result = OverlayNG.Overlay(a, b, op, MetricFrame.MetricFactory.PrecisionModel);
        }
        catch (TopologyException)
        {
            result = OverlayNG.Overlay(NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(a), NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(b), op, MetricFrame.MetricFactory.PrecisionModel);
        }
        return areas ? Polygonal(result) : result;
    }

    /// <summary>The polygons of a geometry (a polygon, a multipolygon, or those inside a collection).</summary>
    public static Geometry Polygonal(Geometry g)
    {
        if (g is Polygon or MultiPolygon)
        {
            return g;
        }
        var polygons = new List<Polygon>();
        for (var i = 0; i < g.NumGeometries; i++)
        {
            switch (g.GetGeometryN(i))
            {
                case Polygon p when !p.IsEmpty:
                    polygons.Add(p);
                    break;
                case MultiPolygon mp:
                    polygons.AddRange(Enumerable.Range(0, mp.NumGeometries).Select(k => (Polygon)mp.GetGeometryN(k)));
                    break;
            }
        }
        return polygons.Count == 1 ? polygons[0] : g.Factory.CreateMultiPolygon([.. polygons]);
    }

    /// <summary>Polygons of at least 1 m² (overlay slivers do not count as parts).</summary>
    public static int Parts(Geometry g) => Enumerable.Range(0, g.NumGeometries).Count(i => g.GetGeometryN(i).Area >= 1);

    /// <summary>Length of the border two metric geometries share.</summary>
    public static double SharedLength(Geometry a, Geometry b) =>
        a.EnvelopeInternal.Intersects(b.EnvelopeInternal) ? OverlayNGRobust.Overlay(a.Boundary, b.Boundary, SpatialFunction.Intersection).Length : 0;

    /// <summary>The main part: the largest.</summary>
    public static Geometry MainPart(Geometry g) => Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).MaxBy(p => p.Area)!;
}
