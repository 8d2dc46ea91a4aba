using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Noding;
using NetTopologySuite.Noding.Snapround;
using NetTopologySuite.Operation.Polygonize;

namespace Boundaries.Geo.Clean;

/// <summary>
/// Nodes the rings of a coverage's members and of its parent on the grid (snap rounding), polygonizes the noded
/// linework into faces, and labels every face with the members that hold it.
/// </summary>
/// <remarks>
/// Labels come from the linework, not from point-in-polygon tests: every noded edge remembers which rings it came
/// from and on which side their interiors lie, and a walk from the unbounded outside (where every winding number is 0)
/// across edge after edge adds up the winding numbers. This is exact even for faces a millimetre wide.
/// </remarks>
internal sealed class FaceGraph
{
    private readonly Dictionary<SegmentKey, List<(int Member, int Sign)>> edges = [];
    private readonly Dictionary<SegmentKey, int> faceLeftOf = [];
    private readonly double scale;
    private readonly int members;

    private FaceGraph(double scale, int members)
    {
        this.scale = scale;
        this.members = members;
    }

    public List<Face> Faces { get; } = [];

    /// <summary>True when the noded linework has the segment (in either direction).</summary>
    public bool HasEdge(SegmentKey key) => edges.ContainsKey(key.Canonical);

    /// <summary>Builds the faces; <paramref name="parent"/> (may be null) is labelled as member number <c>members.Count</c>.</summary>
    public static FaceGraph Build(IReadOnlyList<Geometry> memberGeometries, Geometry? parent, PrecisionModel precision, GeometryFactory factory)
    {
        var graph = new FaceGraph(precision.Scale, memberGeometries.Count);
        var strings = new List<ISegmentString>();
        for (var m = 0; m <= memberGeometries.Count; m++)
        {
            var g = m < memberGeometries.Count ? memberGeometries[m] : parent;
            if (g is null)
            {
                continue;
            }
            foreach (var (ring, left) in RingWalker.Rings(g))
            {
                strings.Add(new NodedSegmentString(ring, (m, left)));
            }
        }
        var noder = new SnapRoundingNoder(precision);
        noder.ComputeNodes(strings);
        var lines = new List<Geometry>();
        foreach (var s in noder.GetNodedSubstrings())
        {
            var (m, left) = ((int, bool))s.Context;
            var pts = s.Coordinates;
            for (var i = 0; i + 1 < pts.Length; i++)
            {
                var key = SegmentKey.Of(pts[i], pts[i + 1], graph.scale);
                if (key.IsPoint)
                {
                    continue;
                }
                var canonical = key.Canonical;
                //-- the sign says whether the ring's interior lies left of the canonical direction
                var sign = left == key.IsCanonical ? 1 : -1;
                if (!graph.edges.TryGetValue(canonical, out var list))
                {
                    list = new List<(int, int)>(2);
                    graph.edges[canonical] = list;
                    lines.Add(factory.CreateLineString([pts[i].Copy(), pts[i + 1].Copy()]));
                }
                list.Add((m, sign));
            }
        }
        var polygonizer = new Polygonizer(extractOnlyPolygonal: false);
        polygonizer.Add(lines);
        foreach (var g in polygonizer.GetPolygons())
        {
            graph.Faces.Add(new Face(Oriented((Polygon)g, factory), graph.members));
        }
        graph.Label();
        return graph;
    }

    /// <summary>The face's copy with its shell counter-clockwise and holes clockwise: the face is left of every edge.</summary>
    private static Polygon Oriented(Polygon p, GeometryFactory factory)
    {
        LinearRing Ring(LineString r, bool ccw)
        {
            var c = r.Coordinates;
            if (Orientation.IsCCW(c) != ccw)
            {
                c = [.. c.Reverse()];
            }
            return factory.CreateLinearRing(c);
        }
        return factory.CreatePolygon(Ring(p.ExteriorRing, true), [.. p.InteriorRings.Select(h => Ring(h, false))]);
    }

    private IEnumerable<(SegmentKey Key, double Length)> HalfEdges(Polygon p)
    {
        foreach (var ring in new[] { p.ExteriorRing }.Concat(p.InteriorRings))
        {
            var c = ring.CoordinateSequence;
            for (var i = 0; i + 1 < c.Count; i++)
            {
                var key = SegmentKey.Of(c.GetCoordinate(i), c.GetCoordinate(i + 1), scale);
                if (!key.IsPoint)
                {
                    yield return (key, c.GetCoordinate(i).Distance(c.GetCoordinate(i + 1)));
                }
            }
        }
    }

    /// <summary>Winding change for each member when crossing <paramref name="key"/> from its right side to its left.</summary>
    private void Cross(SegmentKey key, int[] winding)
    {
        if (!edges.TryGetValue(key.Canonical, out var list))
        {
            return;
        }
        var flip = key.IsCanonical ? 1 : -1;
        foreach (var (m, sign) in list)
        {
            winding[m] += sign * flip;
        }
    }

    private void Label()
    {
        for (var f = 0; f < Faces.Count; f++)
        {
            foreach (var (key, _) in HalfEdges(Faces[f].Polygon))
            {
                faceLeftOf[key] = f;
            }
        }
        var queue = new Queue<int>();
        for (var f = 0; f < Faces.Count; f++)
        {
            var face = Faces[f];
            foreach (var (key, length) in HalfEdges(face.Polygon))
            {
                var other = faceLeftOf.GetValueOrDefault(key.Reversed, -1);
                face.Borders[other] = face.Borders.GetValueOrDefault(other) + length;
                if (other < 0 && !face.Visited)
                {
                    //-- seen from the unbounded outside, where every winding number is 0
                    Cross(key, face.Winding);
                    face.Visited = true;
                    queue.Enqueue(f);
                }
            }
        }
        while (queue.Count > 0)
        {
            var f = queue.Dequeue();
            var face = Faces[f];
            foreach (var (key, _) in HalfEdges(face.Polygon))
            {
                var g = faceLeftOf.GetValueOrDefault(key.Reversed, -1);
                if (g < 0 || Faces[g].Visited)
                {
                    continue;
                }
                var next = Faces[g];
                Array.Copy(face.Winding, next.Winding, face.Winding.Length);
                Cross(key.Reversed, next.Winding);
                next.Visited = true;
                queue.Enqueue(g);
            }
        }
    }
}
