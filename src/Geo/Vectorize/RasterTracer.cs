using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Linemerge;
using NetTopologySuite.Operation.Polygonize;

namespace Boundaries.Geo.Vectorize;

/// <summary>
/// Traces the regions of a class grid into polygons on the pixel-corner lattice (x = column, y = row, integer
/// corners). Every unit edge between two pixels of different classes (the outside of the grid counting as class -1)
/// is a boundary edge; straight runs of them are cut at every corner another boundary edge touches, merged through
/// corners of degree two into chains that run from node to node (a node: a corner where three or four boundary edges
/// meet), and polygonized. Neighbouring faces are bounded by the very same chains, so they share identical vertices.
/// Each face is a 4-connected region of one class; two pixels of a class touching only at a corner are two faces.
/// </summary>
internal static class RasterTracer
{
    public static List<(Polygon Face, int Class)> Trace(int width, int height, int[] classes, GeometryFactory factory)
    {
        int At(int x, int y) => x < 0 || y < 0 || x >= width || y >= height ? -1 : classes[y * width + x];
        bool Horizontal(int x, int y) => At(x, y - 1) != At(x, y);      // edge (x,y)-(x+1,y)
        bool Vertical(int x, int y) => At(x - 1, y) != At(x, y);        // edge (x,y)-(x,y+1)

        var runs = new List<LineString>();
        for (var y = 0; y <= height; y++)
        {
            var start = -1;
            for (var x = 0; x <= width; x++)
            {
                var on = x < width && Horizontal(x, y);
                // a run ends where the edge stops or where a vertical boundary edge touches its corner
                var cut = Vertical(x, y - 1) || Vertical(x, y);
                if (start >= 0 && (!on || cut))
                {
                    runs.Add(Segment(factory, start, y, x, y));
                    start = -1;
                }
                if (on && start < 0)
                {
                    start = x;
                }
            }
        }
        for (var x = 0; x <= width; x++)
        {
            var start = -1;
            for (var y = 0; y <= height; y++)
            {
                var on = y < height && Vertical(x, y);
                var cut = Horizontal(x - 1, y) || Horizontal(x, y);
                if (start >= 0 && (!on || cut))
                {
                    runs.Add(Segment(factory, x, start, x, y));
                    start = -1;
                }
                if (on && start < 0)
                {
                    start = y;
                }
            }
        }
        var merger = new LineMerger();
        merger.Add(runs);
        var polygonizer = new Polygonizer(extractOnlyPolygonal: false);
        polygonizer.Add(merger.GetMergedLineStrings().ToList());
        var faces = new List<(Polygon, int)>();
        foreach (Polygon face in polygonizer.GetPolygons())
        {
            faces.Add((face, ClassOf(face, At)));
        }
        return faces;
    }

    private static LineString Segment(GeometryFactory factory, int x0, int y0, int x1, int y1) =>
        factory.CreateLineString([new Coordinate(x0, y0), new Coordinate(x1, y1)]);

    /// <summary>The class of the pixel just inside the first edge of the face's shell.</summary>
    private static int ClassOf(Polygon face, Func<int, int, int> at)
    {
        var shell = face.Shell.CoordinateSequence;
        var (x0, y0, x1, y1) = (shell.GetX(0), shell.GetY(0), shell.GetX(1), shell.GetY(1));
        var length = Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
        var (dx, dy) = ((x1 - x0) / length, (y1 - y0) / length);
        // with a positive shoelace area (counter-clockwise in x-right, y-down terms too) the interior is on the left: (-dy, dx)
        var sign = Orientation.IsCCW(shell) ? 1 : -1;
        var px = (x0 + x1) / 2 - sign * dy * 0.5;
        var py = (y0 + y1) / 2 + sign * dx * 0.5;
        return at((int)Math.Floor(px), (int)Math.Floor(py));
    }
}
