using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Operation.Linemerge;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// The road-following corridor: when a road or river crosses the gap from the detached piece to the owner's main part
/// while staying within the follow tolerance of the straight corridor's axis, the corridor is drawn along it instead —
/// the line (extended by one width into the piece and the main part) grown by half the width, outside the owner — so
/// the road lies wholly inside the corridor and ends up in one division, as a planner would draw it.
/// </summary>
internal static class CorridorFollowing
{
    /// <summary>The corridor along the line, or null when no line within <paramref name="tolerance"/> of p→q joins the two.</summary>
    public static Geometry? Corridor(OptionContext ctx, Geometry ownerMetric, Geometry piece, Geometry main, Coordinate p, Coordinate q,
        double width, double tolerance)
    {
        if (ctx.LineIndex is null)
        {
            return null;
        }
        var factory = ownerMetric.Factory;
        var band = factory.CreateLineString([p, q]).Buffer(tolerance);
        var local = ctx.LineIndex.Query(band.EnvelopeInternal);
        if (local.Count == 0)
        {
            return null;
        }
        var gap = OptionContext.Overlay(band, ownerMetric, SpatialFunction.Difference);
        var inGap = OverlayNGRobust.Overlay(factory.BuildGeometry(local), gap, SpatialFunction.Intersection);
        var merger = new LineMerger();
        merger.Add(inGap);
        LineString? best = null;
        foreach (var line in merger.GetMergedLineStrings().OfType<LineString>())
        {
            var (start, end) = (line.StartPoint, line.EndPoint);
            var oriented = Near(start, piece) && Near(end, main) ? line
                : Near(end, piece) && Near(start, main) ? (LineString)line.Reverse()
                : null;
            if (oriented is not null && (best is null || oriented.Length < best.Length))
            {
                best = oriented;
            }
        }
        if (best is null)
        {
            return null;
        }
        var axis = Extended(best, width);
        var strip = BufferOp.Buffer(axis, width / 2, new BufferParameters(8, EndCapStyle.Flat, JoinStyle.Round, 5));
        return OptionContext.Overlay(strip, ownerMetric, SpatialFunction.Difference);
    }

    private static bool Near(Point end, Geometry part) => part.Distance(end) < 0.01;

    /// <summary>The line lengthened by <paramref name="by"/> at both ends, along its end segments.</summary>
    private static LineString Extended(LineString line, double by)
    {
        var c = line.Coordinates;
        static Coordinate Beyond(Coordinate from, Coordinate to, double by)
        {
            var d = from.Distance(to);
            return d <= 0 ? to.Copy() : new Coordinate(to.X + (to.X - from.X) / d * by, to.Y + (to.Y - from.Y) / d * by);
        }
        return line.Factory.CreateLineString([Beyond(c[1], c[0], by), .. c, Beyond(c[^2], c[^1], by)]);
    }
}
