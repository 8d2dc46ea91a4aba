using Boundaries.Geo.Model;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Enclaves;

/// <summary>People, households and facilities in a piece; the new boundary a transfer makes and how much of it follows a line.</summary>
internal static class PointScores
{
    public static (int People, int Households, int Facilities) Moved(ScoringInputs inputs, Geometry metricPiece, MetricFrame frame)
    {
        var prepared = PreparedGeometryFactory.Prepare(metricPiece);
        var env = metricPiece.EnvelopeInternal;
        int people = 0, households = 0, facilities = 0;
        foreach (var (location, p, h) in inputs.Addresses)
        {
            var m = frame.AnyToMetric(location);
            if (env.Contains(m.Coordinate) && prepared.Covers(m))
            {
                people += p;
                households += h;
            }
        }
        foreach (var f in inputs.Facilities)
        {
            var m = frame.AnyToMetric(f);
            if (env.Contains(m.Coordinate) && prepared.Covers(m))
            {
                facilities++;
            }
        }
        return (people, households, facilities);
    }

    /// <summary>The lines of <paramref name="inputs"/> in the metric plane, indexed by envelope; null without lines.</summary>
    public static STRtree<Geometry>? LineIndex(ScoringInputs? inputs, MetricFrame frame)
    {
        if (inputs?.Lines is not { IsEmpty: false } layer)
        {
            return null;
        }
        var metric = frame.AnyToMetric(layer);
        var tree = new STRtree<Geometry>();
        for (var i = 0; i < metric.NumGeometries; i++)
        {
            var g = metric.GetGeometryN(i);
            tree.Insert(g.EnvelopeInternal, g);
        }
        tree.Build();
        return tree;
    }

    /// <summary>Length of the piece's borders with divisions other than <paramref name="receiver"/>, and the share within the tolerance of a line.</summary>
    public static (double Meters, double? Following) NewBoundary(ScoringInputs? inputs, Geometry metricPiece, EnclaveFinding f, string receiver,
        Dictionary<(DivisionLevel, string), Division> byCode, MetricFrame frame, STRtree<Geometry>? lineIndex)
    {
        var others = f.Evidence.SharedBorders.Where(b => b.Code != receiver && b.LengthMeters > 0).ToList();
        if (others.Count == 0)
        {
            return (0, null);
        }
        var pieceBoundary = metricPiece.Boundary;
        var lines = new List<Geometry>();
        foreach (var b in others)
        {
            if (byCode.TryGetValue((f.Level, b.Code), out var d))
            {
                // snap-rounding overlay: a dirty division (self-intersection) must not stop the scoring
                var shared = OverlayNGRobust.Overlay(pieceBoundary, frame.ToMetric(d.Geometry, out _).Boundary, SpatialFunction.Intersection);
                if (shared.Length > 0)
                {
                    lines.Add(shared);
                }
            }
        }
        var all = metricPiece.Factory.BuildGeometry(lines);
        var length = all.Length;
        if (inputs is null || lineIndex is null || length <= 0)
        {
            return (length, null);
        }
        // only the lines near this boundary are buffered (buffering a city's road network per option took seconds)
        var window = new Envelope(all.EnvelopeInternal);
        window.ExpandBy(inputs.FollowToleranceMeters);
        var local = lineIndex.Query(window);
        if (local.Count == 0)
        {
            return (length, 0);
        }
        var near = all.Factory.BuildGeometry(local).Buffer(inputs.FollowToleranceMeters);
        return (length, Math.Round(OverlayNGRobust.Overlay(all, near, SpatialFunction.Intersection).Length / length, 4));
    }
}
