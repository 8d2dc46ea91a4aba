using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Clips road lines to one polygon, in the polygon's own coordinates, without an overlay: the polygon's ring segments
/// are kept in flat arrays, in chunks of <see cref="ChunkSize"/> consecutive segments with their envelope (consecutive
/// segments lie together, so a query tests the chunk envelopes and only the segments of the chunks it meets). A road is
/// split where it meets a ring; the stretches whose middle is inside or on the boundary are kept (vertices as computed,
/// no grid). Lines that never meet a ring are inside or outside whole. <see cref="Inside"/> also serves
/// point-in-polygon tests for address points (cheaper to set up than a prepared geometry).
/// </summary>
internal sealed class RoadClipper
{
    private const int ChunkSize = 32;
    private readonly double[] _xy;
    private readonly List<(int Start, int End, Envelope Box)> _chunks = [];
    private readonly RobustLineIntersector _intersector = new();
    private readonly STRtree<int>? _tree;
    private readonly double _maxX = double.MinValue;

    /// <param name="xy">The polygon's rings, interleaved x,y.</param>
    /// <param name="ringEnds">The point index after each ring's last point.</param>
    private RoadClipper(double[] xy, int[] ringEnds)
    {
        _xy = xy;
        var first = 0;
        foreach (var end in ringEnds)
        {
            // segments first..end-2 (each from point k to k+1), in chunks that stay within the ring
            for (var start = first; start < end - 1; start += ChunkSize)
            {
                var last = Math.Min(start + ChunkSize, end - 1);
                var box = new Envelope();
                for (var k = start; k <= last; k++)
                {
                    box.ExpandToInclude(xy[2 * k], xy[2 * k + 1]);
                }
                _chunks.Add((start, last, box));
                _maxX = Math.Max(_maxX, box.MaxX);
            }
            first = end;
        }
        // long rings (a city's outline): the chunks themselves in an STR tree
        if (_chunks.Count > 64)
        {
            _tree = new STRtree<int>();
            for (var c = 0; c < _chunks.Count; c++)
            {
                _tree.Insert(_chunks[c].Box, c);
            }
            _tree.Build();
        }
    }

    /// <summary>The chunks whose envelope meets the window (all of them when there is no tree).</summary>
    private IEnumerable<(int Start, int End, Envelope Box)> Chunks(double minX, double minY, double maxX, double maxY) =>
        _tree is null ? _chunks : _tree.Query(new Envelope(minX, maxX, minY, maxY)).Select(c => _chunks[c]);

    /// <summary>The stretches of the road inside the polygon (boundary included); <paramref name="leaves"/>
    /// says whether some of the road lies outside.</summary>
    public List<LineString> Clip(LineString road, out bool leaves)
    {
        leaves = false;
        var pieces = new List<LineString>();
        var current = new List<Coordinate>();
        var seq = road.CoordinateSequence;
        var cuts = new List<double>();
        for (var i = 1; i < seq.Count; i++)
        {
            var a = seq.GetCoordinate(i - 1);
            var b = seq.GetCoordinate(i);
            cuts.Clear();
            cuts.Add(0);
            cuts.Add(1);
            Crossings(a, b, cuts);
            cuts.Sort();
            for (var k = 1; k < cuts.Count; k++)
            {
                if (cuts[k] - cuts[k - 1] <= 0)
                {
                    continue;
                }
                var mid = At(a, b, (cuts[k - 1] + cuts[k]) / 2);
                if (Inside(mid))
                {
                    var from = At(a, b, cuts[k - 1]);
                    if (current.Count == 0 || !current[^1].Equals2D(from))
                    {
                        Flush(current, pieces, road.Factory);
                        current.Add(from);
                    }
                    var to = At(a, b, cuts[k]);
                    if (!current[^1].Equals2D(to))
                    {
                        current.Add(to);
                    }
                }
                else
                {
                    leaves = true;
                    Flush(current, pieces, road.Factory);
                }
            }
        }
        Flush(current, pieces, road.Factory);
        return pieces;
    }

    private static void Flush(List<Coordinate> current, List<LineString> pieces, GeometryFactory factory)
    {
        if (current.Count >= 2)
        {
            pieces.Add(factory.CreateLineString([.. current]));
        }
        current.Clear();
    }

    /// <summary>Adds the parameters (0..1 along a→b) where the segment meets a ring segment.</summary>
    private void Crossings(Coordinate a, Coordinate b, List<double> cuts)
    {
        double minX = Math.Min(a.X, b.X), maxX = Math.Max(a.X, b.X), minY = Math.Min(a.Y, b.Y), maxY = Math.Max(a.Y, b.Y);
        var length2 = (b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y);
        if (length2 <= 0)
        {
            return;
        }
        foreach (var (start, end, box) in Chunks(minX, minY, maxX, maxY))
        {
            if (box.MinX > maxX || box.MaxX < minX || box.MinY > maxY || box.MaxY < minY)
            {
                continue;
            }
            for (var k = start; k < end; k++)
            {
                double x0 = _xy[2 * k], y0 = _xy[2 * k + 1], x1 = _xy[2 * k + 2], y1 = _xy[2 * k + 3];
                if (Math.Min(x0, x1) > maxX || Math.Max(x0, x1) < minX || Math.Min(y0, y1) > maxY || Math.Max(y0, y1) < minY || (x0 == x1 && y0 == y1))
                {
                    continue;
                }
                _intersector.ComputeIntersection(a, b, new Coordinate(x0, y0), new Coordinate(x1, y1));
                for (var n = 0; n < _intersector.IntersectionNum; n++)
                {
                    var p = _intersector.GetIntersection(n);
                    var t = ((p.X - a.X) * (b.X - a.X) + (p.Y - a.Y) * (b.Y - a.Y)) / length2;
                    cuts.Add(Math.Clamp(t, 0, 1));
                }
            }
        }
    }

    /// <summary>Inside or on the boundary, by the crossing number of a ray to +x over every ring.</summary>
    public bool Inside(Coordinate p)
    {
        var inside = false;
        foreach (var (start, end, box) in Chunks(p.X, p.Y, _maxX, p.Y))
        {
            if (box.MinY > p.Y || box.MaxY < p.Y || box.MaxX < p.X)
            {
                continue;
            }
            for (var k = start; k < end; k++)
            {
                double x0 = _xy[2 * k], y0 = _xy[2 * k + 1], x1 = _xy[2 * k + 2], y1 = _xy[2 * k + 3];
                if (OnSegment(p, x0, y0, x1, y1))
                {
                    return true;
                }
                if ((y0 > p.Y) != (y1 > p.Y) && p.X < x0 + (p.Y - y0) * (x1 - x0) / (y1 - y0))
                {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    private static bool OnSegment(Coordinate p, double x0, double y0, double x1, double y1)
    {
        if (p.X < Math.Min(x0, x1) || p.X > Math.Max(x0, x1) || p.Y < Math.Min(y0, y1) || p.Y > Math.Max(y0, y1))
        {
            return false;
        }
        return Orientation.Index(new Coordinate(x0, y0), new Coordinate(x1, y1), p) == OrientationIndex.Collinear;
    }

    /// <summary>The point at t along a→b; the ends exactly (a + (b − a) may differ from b in the last bit, and a vertex
    /// shared with another road must stay shared).</summary>
    private static Coordinate At(Coordinate a, Coordinate b, double t) =>
        t <= 0 ? a.Copy() : t >= 1 ? b.Copy() : new(a.X + (b.X - a.X) * t, a.Y + (b.Y - a.Y) * t);

    /// <summary>A clipper for a polygon or multipolygon (every ring of every part), in its own coordinates.</summary>
    public static RoadClipper For(Geometry polygonal)
    {
        var rings = new List<LineString>();
        for (var i = 0; i < polygonal.NumGeometries; i++)
        {
            if (polygonal.GetGeometryN(i) is Polygon { IsEmpty: false } polygon)
            {
                rings.Add(polygon.ExteriorRing);
                rings.AddRange(Enumerable.Range(0, polygon.NumInteriorRings).Select(polygon.GetInteriorRingN));
            }
        }
        var ends = new int[rings.Count];
        var xy = new double[2 * rings.Sum(r => r.NumPoints)];
        var at = 0;
        for (var r = 0; r < rings.Count; r++)
        {
            var seq = rings[r].CoordinateSequence;
            for (var i = 0; i < seq.Count; i++, at++)
            {
                xy[2 * at] = seq.GetX(i);
                xy[2 * at + 1] = seq.GetY(i);
            }
            ends[r] = at;
        }
        return new RoadClipper(xy, ends);
    }
}
