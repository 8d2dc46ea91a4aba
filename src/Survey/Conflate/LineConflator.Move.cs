using System.Collections.Immutable;
using NetTopologySuite.Geometries;

namespace Boundaries.Survey.Conflate;

public static partial class LineConflator
{
    private static readonly GeometryFactory PlaneFactory = new(new PrecisionModel(1000));

    /// <summary>
    /// The new course of every line with anchors or a moved node. Lines whose new course is not simple or crosses another
    /// line (old or new course) are left alone, their points refused, and the rest recomputed until none crosses.
    /// </summary>
    private static List<LineMove> MoveLines(List<PlaneLine> lines, List<Anchor>[] anchors, Dictionary<int, (string Id, double Dx, double Dy)> nodeShifts,
        List<RefusedPoint> refused)
    {
        while (true)
        {
            var moves = new List<LineMove>();
            for (var i = 0; i < lines.Count; i++)
            {
                var start = nodeShifts.TryGetValue(lines[i].Line.StartNode, out var s) ? (s.Dx, s.Dy) : (0.0, 0.0);
                var end = nodeShifts.TryGetValue(lines[i].Line.EndNode, out var t) ? (t.Dx, t.Dy) : (0.0, 0.0);
                if (anchors[i].Count > 0 || start != (0, 0) || end != (0, 0))
                {
                    moves.Add(Move(i, lines[i], anchors[i], start, end));
                }
            }
            var current = lines.Select(l => PlaneFactory.CreateLineString(l.Vertices)).ToArray();
            foreach (var m in moves)
            {
                current[m.Index] = m.Geometry;
            }
            var failing = moves.Where(m => Crosses(m, current)).ToList();
            if (failing.Count == 0)
            {
                return moves;
            }
            foreach (var m in failing)
            {
                var line = lines[m.Index];
                refused.AddRange(anchors[m.Index].Select(a => new RefusedPoint(a.Id, line.Line.Id, a.DistanceMeters, ConflationRefusal.WouldCross)));
                anchors[m.Index].Clear();
                foreach (var node in new[] { line.Line.StartNode, line.Line.EndNode })
                {
                    if (nodeShifts.Remove(node, out var shift))
                    {
                        refused.Add(new RefusedPoint(shift.Id, line.Line.Id, Math.Sqrt(shift.Dx * shift.Dx + shift.Dy * shift.Dy), ConflationRefusal.WouldCross));
                    }
                }
            }
        }
    }

    /// <summary>The rubber sheet of one line: vertices displaced by the displacement interpolated along the line between anchors.</summary>
    private static LineMove Move(int index, PlaneLine line, List<Anchor> anchors, (double Dx, double Dy) start, (double Dx, double Dy) end)
    {
        var along = new List<(double S, double Dx, double Dy)> { (0, start.Dx, start.Dy) };
        foreach (var a in anchors)
        {
            var (fe, fn) = PointAt(line, a.Along);
            along.Add((a.Along, a.Target.X - fe, a.Target.Y - fn));
        }
        along.Add((line.Length, end.Dx, end.Dy));
        var moved = new Coordinate[line.Vertices.Length];
        var shift = new double[line.Vertices.Length];
        var j = 0;
        for (var k = 0; k < moved.Length; k++)
        {
            var s = line.Cumulative[k];
            while (j + 2 < along.Count && along[j + 1].S <= s)
            {
                j++;
            }
            var (a, b) = (along[j], along[j + 1]);
            var w = b.S > a.S ? Math.Clamp((s - a.S) / (b.S - a.S), 0, 1) : 0;
            var (dx, dy) = (a.Dx + w * (b.Dx - a.Dx), a.Dy + w * (b.Dy - a.Dy));
            moved[k] = ConflationPlane.Snap(line.Vertices[k].X + dx, line.Vertices[k].Y + dy);
            shift[k] = moved[k].Distance(line.Vertices[k]);
        }
        var inserts = new Dictionary<int, List<Coordinate>>();
        foreach (var a in anchors)
        {
            if (!inserts.TryGetValue(a.Segment, out var list))
            {
                inserts[a.Segment] = list = [];
            }
            list.Add(a.Target);
        }
        var course = new List<Coordinate>();
        for (var k = 0; k < moved.Length; k++)
        {
            AddDistinct(course, moved[k]);
            if (inserts.TryGetValue(k, out var list))
            {
                list.ForEach(c => AddDistinct(course, c));
            }
        }
        var max = Math.Max(shift.Max(), anchors.Count > 0 ? anchors.Max(a => a.DistanceMeters) : 0);
        var result = new ConflatedLine(line.Line.Id, line.Line.Left, line.Line.Right, [.. anchors.Select(a => a.Id)], max, moved.Length, course.Count);
        return new LineMove(index, line, moved, shift, inserts, PlaneFactory.CreateLineString([.. course]), result);
    }

    private static void AddDistinct(List<Coordinate> list, Coordinate c)
    {
        if (list.Count == 0 || !list[^1].Equals2D(c))
        {
            list.Add(c);
        }
    }

    private static (double E, double N) PointAt(PlaneLine line, double along)
    {
        var c = line.Vertices;
        var k = Array.BinarySearch(line.Cumulative, along);
        var seg = k >= 0 ? Math.Min(k, c.Length - 2) : Math.Max(0, ~k - 1);
        var len = line.Cumulative[seg + 1] - line.Cumulative[seg];
        var t = len > 0 ? (along - line.Cumulative[seg]) / len : 0;
        return (c[seg].X + t * (c[seg + 1].X - c[seg].X), c[seg].Y + t * (c[seg + 1].Y - c[seg].Y));
    }

    /// <summary>Whether the new course is not simple, or meets another line anywhere but at a shared end.</summary>
    private static bool Crosses(LineMove move, LineString[] current)
    {
        var g = move.Geometry;
        if (!g.IsSimple)
        {
            return true;
        }
        var env = g.EnvelopeInternal;
        for (var i = 0; i < current.Length; i++)
        {
            if (i == move.Index || !current[i].EnvelopeInternal.Intersects(env))
            {
                continue;
            }
            var other = current[i];
            var ends = new[] { g.StartPoint.Coordinate, g.EndPoint.Coordinate };
            var otherEnds = new[] { other.StartPoint.Coordinate, other.EndPoint.Coordinate };
            var meet = g.Intersection(other);
            if (meet.IsEmpty)
            {
                continue;
            }
            if (meet.Dimension > Dimension.Point || meet.Coordinates.Any(c => !ends.Any(e => e.Equals2D(c, 1e-6)) || !otherEnds.Any(e => e.Equals2D(c, 1e-6))))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>One moved line: its vertices' new places and shifts, the points inserted after each segment's first vertex, its new course.</summary>
    private sealed record LineMove(int Index, PlaneLine Line, Coordinate[] Moved, double[] Shift, Dictionary<int, List<Coordinate>> Inserts,
        LineString Geometry, ConflatedLine Result);
}
