using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Viewer.Divisions;

/// <summary>
/// Splitting a division along a drawn line and merging two, exactly: a split line runs from one vertex of the
/// division's outer ring to another through its interior (its inner vertices snapped to the 1 mm grid of the Gauss-Krüger
/// plane), so no neighbour gains or loses a vertex and both pieces share the line's vertices; a merge unions two
/// divisions that share an edge, keeping every other vertex as it was. Inputs are never changed.
/// </summary>
internal static class DivisionSurgery
{
    /// <summary>The two pieces (the larger first) or why the line cannot split the division.</summary>
    public static (Geometry Larger, Geometry Smaller)? Split(Geometry division, Coordinate[] line, out string? error)
    {
        error = null;
        if (line.Length < 2)
        {
            error = "a split line needs at least two vertices";
            return null;
        }
        var parts = Enumerable.Range(0, division.NumGeometries).Select(i => (Polygon)division.GetGeometryN(i)).ToList();
        foreach (var part in parts)
        {
            var ring = part.Shell.Coordinates;
            var i = IndexOf(ring, line[0]);
            var j = IndexOf(ring, line[^1]);
            if (i < 0 || j < 0)
            {
                continue;
            }
            if (i == j)
            {
                error = "the split line must end on another vertex of the boundary";
                return null;
            }
            var inner = Snap(line[1..^1]);
            var factory = division.Factory;
            var drawn = factory.CreateLineString([ring[i], .. inner, ring[j]]);
            var crossings = part.Boundary.Intersection(drawn);
            if (!part.Covers(drawn) || crossings.Dimension != Dimension.Point || crossings.NumGeometries != 2)
            {
                error = "the split line must run through the inside of the division from one boundary vertex to another";
                return null;
            }
            var n = ring.Length - 1; // closed ring: ring[n] == ring[0]
            var a = new List<Coordinate>();
            for (var k = i; ; k = (k + 1) % n)
            {
                a.Add(ring[k].Copy());
                if (k == j)
                {
                    break;
                }
            }
            a.AddRange(inner.Reverse().Select(c => c.Copy()));
            a.Add(ring[i].Copy());
            var b = new List<Coordinate>();
            for (var k = j; ; k = (k + 1) % n)
            {
                b.Add(ring[k].Copy());
                if (k == i)
                {
                    break;
                }
            }
            b.AddRange(inner.Select(c => c.Copy()));
            b.Add(ring[j].Copy());
            var holes = part.Holes;
            Polygon Piece(List<Coordinate> shell)
            {
                var outer = factory.CreatePolygon([.. shell]);
                return factory.CreatePolygon(factory.CreateLinearRing([.. shell]),
                    [.. holes.Where(h => outer.Contains(factory.CreatePolygon((LinearRing)h.Copy()).InteriorPoint)).Select(h => (LinearRing)h.Copy())]);
            }
            var pa = Piece(a);
            var pb = Piece(b);
            if (!pa.IsValid || !pb.IsValid || pa.Area <= 0 || pb.Area <= 0)
            {
                error = "the split line must leave two proper pieces";
                return null;
            }
            // other parts of a multipolygon stay with the larger piece
            var others = parts.Where(p => !ReferenceEquals(p, part)).Select(p => (Polygon)p.Copy()).ToList();
            var (larger, smaller) = pa.Area >= pb.Area ? (pa, pb) : (pb, pa);
            Geometry kept = others.Count == 0 ? larger : factory.CreateMultiPolygon([larger, .. others]);
            return (kept, smaller);
        }
        error = "the split line must start and end on vertices of the division's outer boundary";
        return null;
    }

    /// <summary>The union of two divisions sharing an edge, or null with the reason.</summary>
    public static Geometry? Merge(Geometry a, Geometry b, out string? error)
    {
        error = null;
        var shared = a.Boundary.Intersection(b.Boundary);
        if (shared.Dimension != Dimension.Curve || shared.Length <= 0)
        {
            error = "the two divisions share no boundary line";
            return null;
        }
        var union = OverlayNGRobust.Overlay(a, b, NetTopologySuite.Operation.Overlay.SpatialFunction.Union);
        return union.NumGeometries == 1 ? union.GetGeometryN(0) : union;
    }

    private static int IndexOf(Coordinate[] ring, Coordinate c)
    {
        for (var k = 0; k < ring.Length - 1; k++)
        {
            if (Math.Abs(ring[k].X - c.X) < 1e-7 && Math.Abs(ring[k].Y - c.Y) < 1e-7)
            {
                return k;
            }
        }
        return -1;
    }

    /// <summary>Inner vertices onto the 1 mm grid of their Gauss-Krüger plane (lon/lat in and out), repeats dropped.</summary>
    private static Coordinate[] Snap(Coordinate[] inner)
    {
        if (inner.Length == 0)
        {
            return [];
        }
        var metric = GaussKrugerZone.MetricCrsFor((Geometry)new GeometryFactory().CreateMultiPointFromCoords(inner));
        var toMetric = CoordinateTransformer.Create(CrsCode.Cgcs2000, metric);
        var toLonLat = CoordinateTransformer.Create(metric, CrsCode.Cgcs2000);
        var result = new List<Coordinate>();
        foreach (var c in inner)
        {
            var (e, n) = toMetric.Transform(c.X, c.Y);
            var (lon, lat) = toLonLat.Transform(Math.Round(e, 3), Math.Round(n, 3));
            var s = new Coordinate(lon, lat);
            if (result.Count == 0 || !result[^1].Equals2D(s))
            {
                result.Add(s);
            }
        }
        return [.. result];
    }
}
