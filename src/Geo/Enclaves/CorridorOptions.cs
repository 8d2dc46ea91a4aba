using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Operation.Distance;
using NetTopologySuite.Operation.Overlay;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Corridor: a detached part whose gap to its owner's main part (largest part) is at most
/// <see cref="ResolverSettings.CorridorMaxMeters"/> is joined to it by a strip
/// <see cref="ResolverSettings.CorridorWidthMeters"/> wide around the shortest segment between them (extended by one
/// width into both ends so it overlaps them), taken from every division it crosses. Offered only when the owner really
/// ends up with one part fewer and no giver is cut in two. With a follow tolerance, a second corridor along a road or
/// river that crosses the gap near the straight one (<see cref="CorridorFollowing"/>).
/// </summary>
internal static class CorridorOptions
{
    public static IEnumerable<EnclaveResolution> For(OptionContext ctx, EnclaveFinding f, int index)
    {
        if (ctx.Settings.CorridorMaxMeters is not { } max || f.Evidence.PartIndex < 0 || f.Class is EnclaveClass.Surrounded
            || !ctx.ByCode.TryGetValue((f.Level, f.Owner), out var owner) || f.Evidence.PartIndex >= owner.Geometry.NumGeometries)
        {
            yield break;
        }
        var ownerMetric = ctx.Metric(f.Level, f.Owner);
        var main = OptionContext.MainPart(ownerMetric);
        var piece = ctx.Frame.ToMetric(owner.Geometry.GetGeometryN(f.Evidence.PartIndex), out _);
        if (piece.IsEmpty || piece.EqualsTopologically(main))
        {
            yield break;
        }
        var nearest = DistanceOp.NearestPoints(piece, main);
        var gap = nearest[0].Distance(nearest[1]);
        if (gap < 0.01 || gap > max)
        {
            yield break;
        }
        var (p, q) = Centred(piece, main, gap, nearest[0], nearest[1]);
        var width = ctx.Settings.CorridorWidthMeters;
        if (Scored(ctx, f, index, Corridor(ctx, ownerMetric, p, q, width)) is { } straight)
        {
            yield return straight;
        }
        // the variant along a road or river crossing the gap near the straight axis (when following is asked for)
        if (ctx.Settings.FollowToleranceMeters is { } tolerance
            && CorridorFollowing.Corridor(ctx, ownerMetric, piece, main, p, q, width, tolerance) is { } alongRoad
            && Scored(ctx, f, index, alongRoad) is { } following)
        {
            yield return following;
        }
    }

    /// <summary>The corridor taken from every division it crosses, scored; null when it joins nothing or cuts a giver.</summary>
    private static EnclaveResolution? Scored(OptionContext ctx, EnclaveFinding f, int index, Geometry corridor)
    {
        var moves = ctx.Near(f.Level, corridor.EnvelopeInternal, f.Owner)
            .Select(d => (From: d.Code, To: f.Owner, Metric: OptionContext.Overlay(ctx.Metric(f.Level, d.Code), corridor, SpatialFunction.Intersection)))
            .Where(m => m.Metric.Area >= 0.01)
            .OrderByDescending(m => m.Metric.Area).ThenBy(m => m.From, StringComparer.Ordinal)
            .ToList();
        return moves.Count == 0 ? null : MoveScorer.Resolution(ctx, f, index, ResolutionKind.Corridor, moves,
            (before, after) => OptionContext.Parts(after[f.Owner]) == OptionContext.Parts(before[f.Owner]) - 1);
    }

    /// <summary>Facing edges that are parallel give a whole stretch at the gap distance, and the nearest points sit at one
    /// of its ends: the segment is moved to the middle of the longest stretch of the piece's boundary within the gap (+1 cm).</summary>
    private static (Coordinate P, Coordinate Q) Centred(Geometry piece, Geometry main, double gap, Coordinate p, Coordinate q)
    {
        var near = OptionContext.Overlay(piece.Boundary, main.Buffer(gap + 0.01, 16), SpatialFunction.Intersection);
        var longest = Enumerable.Range(0, near.NumGeometries).Select(near.GetGeometryN).OfType<LineString>().MaxBy(l => l.Length);
        if (longest is null || longest.Length < 0.01)
        {
            return (p, q);
        }
        var mid = new NetTopologySuite.LinearReferencing.LengthIndexedLine(longest).ExtractPoint(longest.Length / 2);
        var pair = DistanceOp.NearestPoints(piece.Factory.CreatePoint(mid), main);
        return pair[0].Distance(pair[1]) is var d && d >= 0.01 && d <= gap + 0.02 ? (mid, pair[1]) : (p, q);
    }

    /// <summary>The strip around the segment p→q (extended by one width at both ends), outside the owner.</summary>
    internal static Geometry Corridor(OptionContext ctx, Geometry ownerMetric, Coordinate p, Coordinate q, double width)
    {
        var length = p.Distance(q);
        var dx = (q.X - p.X) / length;
        var dy = (q.Y - p.Y) / length;
        var a = new Coordinate(p.X - dx * width, p.Y - dy * width);
        var b = new Coordinate(q.X + dx * width, q.Y + dy * width);
        var axis = ownerMetric.Factory.CreateLineString([a, b]);
        var strip = BufferOp.Buffer(axis, width / 2, new BufferParameters(8, EndCapStyle.Flat, JoinStyle.Mitre, 5));
        return OptionContext.Overlay(strip, ownerMetric, SpatialFunction.Difference);
    }
}
