using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Polygonize;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Road- and river-following variants of zone transfers (<see cref="ResolutionKind.TransferZone"/>: a lobe beyond a
/// neck, a zone reached by access, a managed zone). The zone's new boundary with its owner (the cut) is moved onto the
/// roads and rivers within the tolerance: each stretch of line within the tolerance band of the cut (at least one
/// tolerance long) is closed at both ends by a straight segment to the nearest point of the cut, and the faces these
/// lines and the cut enclose are the area between the old boundary and the road — added to the zone when they lie in
/// the owner's remainder, given back when they lie in the zone. The variant is offered (same kind, its own piece and
/// scores, the following share measured on its new boundary) when the piece changed and it divides nothing.
/// Neck widening (<see cref="ResolutionKind.WidenNeck"/>) gets the same variant, growing only: each strip taken from a
/// neighbour reaches out to the road beyond its outer edge, so the passage is never made narrower than the neck width.
/// </summary>
internal static class FollowOptions
{
    public static IEnumerable<EnclaveResolution> For(OptionContext ctx, IReadOnlyList<EnclaveFinding> findings, IReadOnlyList<EnclaveResolution> options, double tolerance)
    {
        if (ctx.LineIndex is null)
        {
            yield break;
        }
        foreach (var o in options.Where(o => o.Kind == ResolutionKind.TransferZone && o.HasMoves && o.Moves.Length == 1).ToList())
        {
            var f = findings[o.Finding];
            var move = o.Moves[0];
            var owner = ctx.Metric(f.Level, move.From);
            var zone = OptionContext.Overlay(ctx.LonLatToMetric(move.Piece), owner, SpatialFunction.Intersection);
            if (Snapped(ctx, owner, zone, tolerance) is { } snapped
                && MoveScorer.Resolution(ctx, f, o.Finding, ResolutionKind.TransferZone, [(move.From, move.To, snapped)]) is { } variant)
            {
                yield return variant;
            }
        }
        foreach (var o in options.Where(o => o.Kind == ResolutionKind.WidenNeck && o.HasMoves).ToList())
        {
            if (Widened(ctx, findings[o.Finding], o, tolerance) is { } variant)
            {
                yield return variant;
            }
        }
    }

    /// <summary>A widened neck whose strips (one per neighbour giving land) reach out to a road or river lying within
    /// the tolerance beyond their outer edge: only growing, so the passage stays at least the neck width.</summary>
    private static EnclaveResolution? Widened(OptionContext ctx, EnclaveFinding f, EnclaveResolution o, double tolerance)
    {
        var moves = new List<(string From, string To, Geometry Metric)>();
        var changed = false;
        foreach (var move in o.Moves)
        {
            var giver = ctx.Metric(f.Level, move.From);
            var strip = OptionContext.Overlay(ctx.LonLatToMetric(move.Piece), giver, SpatialFunction.Intersection);
            var grown = Snapped(ctx, giver, strip, tolerance, growOnly: true);
            changed |= grown is not null;
            moves.Add((move.From, move.To, grown ?? strip));
        }
        return changed ? MoveScorer.Resolution(ctx, f, o.Finding, ResolutionKind.WidenNeck, moves) : null;
    }

    /// <summary>The zone with its cut moved onto the lines within the tolerance; null when no line is near enough.
    /// <paramref name="growOnly"/>: only the faces beyond the cut are added, none is given back.</summary>
    internal static Geometry? Snapped(OptionContext ctx, Geometry owner, Geometry zone, double tolerance, bool growOnly = false)
    {
        var rest = OptionContext.Overlay(owner, zone, SpatialFunction.Difference);
        var cut = OverlayNGRobust.Overlay(zone.Boundary, rest.Boundary, SpatialFunction.Intersection);
        if (cut.Length <= 0)
        {
            return null;
        }
        var band = cut.Buffer(tolerance);
        var window = band.EnvelopeInternal;
        var local = ctx.LineIndex!.Query(window);
        if (local.Count == 0)
        {
            return null;
        }
        var near = OverlayNGRobust.Overlay(OverlayNGRobust.Overlay(zone.Factory.BuildGeometry(local).Union(), band, SpatialFunction.Intersection), owner, SpatialFunction.Intersection);
        var stretches = Enumerable.Range(0, near.NumGeometries).Select(near.GetGeometryN).OfType<LineString>().Where(l => l.Length >= tolerance).ToList();
        if (stretches.Count == 0)
        {
            return null;
        }
        var lines = new List<Geometry> { cut };
        foreach (var s in stretches)
        {
            lines.Add(s);
            foreach (var end in new[] { s.StartPoint, s.EndPoint })
            {
                var onCut = DistanceOp.NearestPoints(end, cut)[1];
                if (end.Coordinate.Distance(onCut) > 1e-3)
                {
                    lines.Add(zone.Factory.CreateLineString([end.Coordinate, onCut]));
                }
            }
        }
        var noded = OverlayNGRobust.Union(zone.Factory.BuildGeometry(lines));
        var polygonizer = new Polygonizer();
        polygonizer.Add(noded);
        var add = new List<Geometry>();
        var remove = new List<Geometry>();
        foreach (var face in polygonizer.GetPolygons())
        {
            if (face.Area < 1)
            {
                continue;
            }
            var inside = face.InteriorPoint;
            (zone.Covers(inside) ? (growOnly ? null : remove) : rest.Covers(inside) ? add : null)?.Add(face);
        }
        if (add.Count == 0 && remove.Count == 0)
        {
            return null;
        }
        var result = zone;
        if (add.Count > 0)
        {
            result = OptionContext.Overlay(result, zone.Factory.BuildGeometry(add).Union(), SpatialFunction.Union);
        }
        if (remove.Count > 0)
        {
            result = OptionContext.Overlay(result, zone.Factory.BuildGeometry(remove).Union(), SpatialFunction.Difference);
        }
        result = OptionContext.Overlay(result, owner, SpatialFunction.Intersection);
        result = WithScraps(owner, result, tolerance);
        return result.Area < 1 || Math.Abs(result.Area - zone.Area) < 1 ? null : result;
    }

    /// <summary>The piece with the scraps of the owner it would cut off (new parts of what is left, touching the piece,
    /// smaller than tolerance², other than the largest: corners between the old cut, a closer and the road) added to it.</summary>
    private static Geometry WithScraps(Geometry owner, Geometry piece, double tolerance)
    {
        var left = OptionContext.Overlay(owner, piece, SpatialFunction.Difference);
        var parts = Enumerable.Range(0, left.NumGeometries).Select(left.GetGeometryN).ToList();
        if (parts.Count <= owner.NumGeometries)
        {
            return piece;
        }
        var largest = parts.MaxBy(p => p.Area);
        var scraps = parts.Where(p => p != largest && p.Area < tolerance * tolerance && p.Intersects(piece)).ToList();
        return scraps.Count == 0 ? piece : OptionContext.Overlay(piece, piece.Factory.BuildGeometry(scraps).Union(), SpatialFunction.Union);
    }
}
