using System.Collections.Immutable;
using Boundaries.Geo.Model;
using Boundaries.Geo.Topology;
using NetTopologySuite.Geometries;

namespace Boundaries.Survey.Conflate;

/// <summary>
/// Conflation: moves boundary lines to pass through accepted surveyed points (markers, boundary points), keeping the
/// coverage exact. Work happens in the Gauss-Krüger plane on the 1 mm grid. Each point is projected onto its line; a
/// point farther than <see cref="ConflateOptions.MaxShiftMeters"/>, or whose foot is too near a node while nodes stay
/// fixed, is refused and reported. The accepted points of a line become vertices at their place along it, and the
/// line's own vertices follow by a local rubber sheet: each is displaced by the displacement of the points on either
/// side of it, interpolated by distance along the line (zero at fixed nodes), so the stretch between two points
/// bends smoothly and the line away from the points' stretches does not move. The new line is computed once and
/// written into every ring that runs along it — both neighbours, and the coarser levels sharing its vertices — so
/// shared edges stay identical; nodes (tri-junctions) stay where they are unless <see cref="ConflateOptions.MoveNodes"/>.
/// A line whose new course would cross itself or another line is left as it was, its points refused.
/// </summary>
public static partial class LineConflator
{
    /// <summary>Moves the lines of <paramref name="topology"/> (built from <paramref name="divisions"/>) through <paramref name="points"/>.</summary>
    /// <exception cref="ArgumentException">The divisions are neither lon/lat nor Gauss-Krüger, or an option is negative.</exception>
    public static ConflationResult Conflate(DivisionSet divisions, BoundaryTopology topology, IEnumerable<ConflationPoint> points, ConflateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(points);
        options ??= new ConflateOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxShiftMeters);
        ArgumentOutOfRangeException.ThrowIfNegative(options.SearchMeters);
        ArgumentOutOfRangeException.ThrowIfNegative(options.NodeClearanceMeters);
        var plane = ConflationPlane.For(divisions);
        var lines = topology.Lines.Where(l => l.Level == options.Level).Select(l => new PlaneLine(l, plane)).ToList();
        var refused = new List<RefusedPoint>();
        var nodeShifts = new Dictionary<int, (string Id, double Dx, double Dy)>();
        var anchors = Assign(lines, plane, points, options, refused, nodeShifts);
        var moves = MoveLines(lines, anchors, nodeShifts, refused);
        var (set, changed) = Rewrite(divisions, plane, moves);
        var accepted = moves.SelectMany(m => m.Result.PointIds).Concat(nodeShifts.Values.Select(s => s.Id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new ConflationResult(set, plane.Crs, changed, [.. moves.Select(m => m.Result).OrderBy(l => l.Id)], [.. accepted],
            [.. refused.OrderBy(r => r.Id, StringComparer.Ordinal)]);
    }

    /// <summary>Projects every point onto its line; returns the accepted anchors per line index, sorted along.</summary>
    private static List<Anchor>[] Assign(List<PlaneLine> lines, ConflationPlane plane, IEnumerable<ConflationPoint> points, ConflateOptions options,
        List<RefusedPoint> refused, Dictionary<int, (string Id, double Dx, double Dy)> nodeShifts)
    {
        var anchors = lines.Select(_ => new List<Anchor>()).ToArray();
        var byId = new Dictionary<int, int>();
        for (var i = 0; i < lines.Count; i++)
        {
            byId[lines[i].Line.Id] = i;
        }
        bool Movable(int i) => options.IncludeOuterEdge || (lines[i].Line.Left is not null && lines[i].Line.Right is not null);
        foreach (var point in points)
        {
            ArgumentNullException.ThrowIfNull(point);
            var (e, n) = plane.FromLonLat.Transform(point.Longitude, point.Latitude);
            PlaneLine.Foot? foot = null;
            if (point.LineId is { } id)
            {
                foot = byId.TryGetValue(id, out var i) && Movable(i) ? lines[i].Project(i, e, n) : null;
            }
            else
            {
                for (var i = 0; i < lines.Count; i++)
                {
                    if (Movable(i) && lines[i].Envelope.Distance(new Envelope(e, e, n, n)) <= options.SearchMeters
                        && lines[i].Project(i, e, n) is var f && f.Distance <= options.SearchMeters && (foot is null || f.Distance < foot.Value.Distance))
                    {
                        foot = f;
                    }
                }
            }
            if (foot is not { } ft)
            {
                refused.Add(new RefusedPoint(point.Id, null, null, ConflationRefusal.NoLine));
                continue;
            }
            var line = lines[ft.Line];
            if (ft.Distance > options.MaxShiftMeters)
            {
                refused.Add(new RefusedPoint(point.Id, line.Line.Id, ft.Distance, ConflationRefusal.BeyondMaxShift));
                continue;
            }
            var target = ConflationPlane.Snap(e, n);
            var nearStart = ft.Along < options.NodeClearanceMeters;
            var nearEnd = line.Length - ft.Along < options.NodeClearanceMeters;
            if (nearStart || nearEnd)
            {
                var node = nearStart ? line.Line.StartNode : line.Line.EndNode;
                var at = nearStart ? line.Vertices[0] : line.Vertices[^1];
                if (!options.MoveNodes)
                {
                    refused.Add(new RefusedPoint(point.Id, line.Line.Id, ft.Distance, ConflationRefusal.NearNode));
                }
                else if (!nodeShifts.TryAdd(node, (point.Id, target.X - at.X, target.Y - at.Y)))
                {
                    refused.Add(new RefusedPoint(point.Id, line.Line.Id, ft.Distance, ConflationRefusal.Duplicate));
                }
                continue;
            }
            var list = anchors[ft.Line];
            if (list.Any(a => Math.Abs(a.Along - ft.Along) < 0.001))
            {
                refused.Add(new RefusedPoint(point.Id, line.Line.Id, ft.Distance, ConflationRefusal.Duplicate));
                continue;
            }
            list.Add(new Anchor(point.Id, ft.Along, ft.Segment, target, ft.Distance));
        }
        foreach (var list in anchors)
        {
            list.Sort((a, b) => a.Along.CompareTo(b.Along));
        }
        return anchors;
    }

    /// <summary>An accepted point on its line: where its foot is, and where the line must go.</summary>
    internal sealed record Anchor(string Id, double Along, int Segment, Coordinate Target, double DistanceMeters);
}
