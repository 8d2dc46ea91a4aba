using System.Collections.Immutable;
using Boundaries.Geo.Model;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Boundaries.Survey.Conflate;

public static partial class LineConflator
{
    /// <summary>
    /// Writes the moved lines into every ring: a vertex of a moved line goes to its new place, and the points inserted
    /// on a segment go between that segment's ends in whichever direction the ring runs. Every ring gets the same
    /// coordinates, so shared edges stay identical. Unchanged divisions keep their own records.
    /// </summary>
    private static (DivisionSet Set, ImmutableArray<ConflatedDivision> Changed) Rewrite(DivisionSet divisions, ConflationPlane plane, List<LineMove> moves)
    {
        if (moves.Count == 0)
        {
            return (divisions, []);
        }
        var vertices = new Dictionary<(long, long), (Coordinate To, double Shift, int LineId)>();
        var segments = new Dictionary<((long, long), (long, long)), (Coordinate[] Points, double Shift, int LineId)>();
        var envelope = new Envelope();
        foreach (var m in moves)
        {
            var line = m.Line;
            envelope.ExpandToInclude(m.Geometry.EnvelopeInternal);
            envelope.ExpandToInclude(line.Envelope);
            for (var k = 0; k < line.Vertices.Length; k++)
            {
                if (m.Shift[k] > 0)
                {
                    vertices[line.Keys[k]] = (plane.ToDivisions(m.Moved[k]), m.Shift[k], line.Line.Id);
                }
            }
            foreach (var (segment, points) in m.Inserts)
            {
                var (a, b) = (line.Vertices[segment], line.Vertices[segment + 1]);
                var shift = points.Max(p => DistanceComputer.PointToSegment(p, a, b));
                segments[(line.Keys[segment], line.Keys[segment + 1])] = ([.. points.Select(plane.ToDivisions)], shift, line.Line.Id);
            }
        }
        var result = ImmutableArray.CreateBuilder<Division>(divisions.Divisions.Length);
        var changed = new List<ConflatedDivision>();
        foreach (var division in divisions.Divisions)
        {
            var touched = new SortedSet<int>();
            var max = 0.0;
            var geometry = division.Geometry;
            if (plane.Crs == divisions.Crs ? geometry.EnvelopeInternal.Intersects(envelope) : true)
            {
                geometry = RewriteGeometry(geometry, plane, vertices, segments, touched, ref max);
            }
            if (touched.Count == 0)
            {
                result.Add(division);
                continue;
            }
            result.Add(division with { Geometry = geometry });
            changed.Add(new ConflatedDivision(division.Code, division.Level, [.. touched], max));
        }
        return (divisions with { Divisions = result.MoveToImmutable() },
            [.. changed.OrderBy(c => c.Level).ThenBy(c => c.Code, StringComparer.Ordinal)]);
    }

    private static Geometry RewriteGeometry(Geometry geometry, ConflationPlane plane, Dictionary<(long, long), (Coordinate To, double Shift, int LineId)> vertices,
        Dictionary<((long, long), (long, long)), (Coordinate[] Points, double Shift, int LineId)> segments, SortedSet<int> touched, ref double max)
    {
        var factory = geometry.Factory;
        var polygons = new Polygon[geometry.NumGeometries];
        var any = false;
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon p)
            {
                return geometry;
            }
            var shell = RewriteRing(p.Shell, plane, vertices, segments, touched, ref max);
            var holes = new LinearRing[p.Holes.Length];
            for (var h = 0; h < holes.Length; h++)
            {
                holes[h] = RewriteRing(p.Holes[h], plane, vertices, segments, touched, ref max);
            }
            var changed = !ReferenceEquals(shell, p.Shell) || holes.Where((h, k) => !ReferenceEquals(h, p.Holes[k])).Any();
            any |= changed;
            polygons[i] = changed ? factory.CreatePolygon(shell, holes) : p;
        }
        if (!any)
        {
            return geometry;
        }
        return geometry is Polygon ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    /// <summary>The ring with moved vertices and inserted points; the same instance when nothing of it moved.</summary>
    private static LinearRing RewriteRing(LinearRing ring, ConflationPlane plane, Dictionary<(long, long), (Coordinate To, double Shift, int LineId)> vertices,
        Dictionary<((long, long), (long, long)), (Coordinate[] Points, double Shift, int LineId)> segments, SortedSet<int> touched, ref double max)
    {
        var c = ring.Coordinates;
        var keys = c.Select(plane.KeyOfDivisionVertex).ToArray();
        var output = new List<Coordinate>(c.Length + 4);
        var any = false;
        for (var k = 0; k + 1 < c.Length; k++)
        {
            if (vertices.TryGetValue(keys[k], out var v))
            {
                Add(output, v.To.Copy());
                touched.Add(v.LineId);
                max = Math.Max(max, v.Shift);
                any = true;
            }
            else
            {
                Add(output, c[k].Copy());
            }
            var forward = segments.TryGetValue((keys[k], keys[k + 1]), out var s);
            if (forward || segments.TryGetValue((keys[k + 1], keys[k]), out s))
            {
                var points = forward ? s.Points : s.Points.Reverse();
                foreach (var p in points)
                {
                    Add(output, p.Copy());
                }
                touched.Add(s.LineId);
                max = Math.Max(max, s.Shift);
                any = true;
            }
        }
        if (!any)
        {
            return ring;
        }
        if (output.Count > 1 && output[^1].Equals2D(output[0]))
        {
            output.RemoveAt(output.Count - 1);
        }
        output.Add(output[0].Copy());
        return ring.Factory.CreateLinearRing([.. output]);
    }

    private static void Add(List<Coordinate> list, Coordinate c)
    {
        if (list.Count == 0 || !list[^1].Equals2D(c))
        {
            list.Add(c);
        }
    }
}
