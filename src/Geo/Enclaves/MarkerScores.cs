using System.Collections.Immutable;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Markers (界桩) a change would have to move. The boundary lines of the touched divisions before and after the change
/// are compared near the pieces: the stretches that were boundary and are not any more (removed, or re-drawn
/// elsewhere) are the removed lines. A marker moves when it stands within the tolerance of a removed line and is nearer
/// to it than to any line that remains: a marker on a line that stays does not move (a junction marker whose point is
/// still on a boundary stays too; it may be renamed).
/// </summary>
internal sealed class MarkerScores
{
    private readonly List<(string Id, Coordinate Metric)> _markers;
    private readonly double _tolerance;

    private MarkerScores(List<(string Id, Coordinate Metric)> markers, double tolerance)
    {
        _markers = markers;
        _tolerance = tolerance;
    }

    /// <summary>The markers of <paramref name="inputs"/> in the metric plane; null when there are none.</summary>
    public static MarkerScores? For(ScoringInputs? inputs, MetricFrame frame)
    {
        if (inputs is null || inputs.Markers.IsDefaultOrEmpty)
        {
            return null;
        }
        return new MarkerScores([.. inputs.Markers.Select(m => (m.Id, frame.AnyToMetric(m.Location).Coordinate))], inputs.MarkerToleranceMeters);
    }

    /// <summary>The ids (ordinal order) of the markers that move when the metric divisions <paramref name="before"/> become <paramref name="after"/>; <paramref name="pieces"/> bound where lines can change.</summary>
    public ImmutableArray<string> Moved(IEnumerable<Geometry> before, IEnumerable<Geometry> after, IEnumerable<Geometry> pieces)
    {
        var window = new Envelope();
        foreach (var p in pieces)
        {
            window.ExpandToInclude(p.EnvelopeInternal);
        }
        if (window.IsNull)
        {
            return [];
        }
        window.ExpandBy(_tolerance + 1);
        var near = _markers.Where(m => window.Contains(m.Metric)).ToList();
        if (near.Count == 0)
        {
            return [];
        }
        var factory = MetricFrame.MetricFactory;
        var clip = factory.ToGeometry(window);
        var linesBefore = OverlayNGRobust.Overlay(Lines(before, factory), clip, SpatialFunction.Intersection);
        var linesAfter = OverlayNGRobust.Overlay(Lines(after, factory), clip, SpatialFunction.Intersection);
        var removed = OverlayNGRobust.Overlay(linesBefore, linesAfter, SpatialFunction.Difference);
        // grid noise can leave millimetre bits along a line that stays: they are not a removed stretch
        var stretches = Enumerable.Range(0, removed.NumGeometries).Select(removed.GetGeometryN).Where(g => g.Length >= 0.01).ToArray();
        if (stretches.Length == 0)
        {
            return [];
        }
        var removedLines = factory.BuildGeometry(stretches);
        var moved = new List<string>();
        foreach (var (id, c) in near)
        {
            var point = factory.CreatePoint(c);
            var toRemoved = removedLines.Distance(point);
            if (toRemoved > _tolerance)
            {
                continue;
            }
            var toRemaining = linesAfter.IsEmpty ? double.PositiveInfinity : linesAfter.Distance(point);
            if (toRemaining > toRemoved + 0.001)
            {
                moved.Add(id);
            }
        }
        return [.. moved.Order(StringComparer.Ordinal)];
    }

    private static Geometry Lines(IEnumerable<Geometry> polygons, GeometryFactory factory)
    {
        var lines = new List<LineString>();
        foreach (var g in polygons)
        {
            var b = g.Boundary;
            for (var i = 0; i < b.NumGeometries; i++)
            {
                if (b.GetGeometryN(i) is LineString l && !l.IsEmpty)
                {
                    lines.Add(l);
                }
            }
        }
        return factory.CreateMultiLineString([.. lines]);
    }
}
