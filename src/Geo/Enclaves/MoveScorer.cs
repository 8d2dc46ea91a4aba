using System.Collections.Immutable;
using Boundaries.Geo.Measure;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Scores a resolution made of pieces that change hands (corridor, zone, neck, merge) the way whole-part transfers are
/// scored: the moves are applied in the metric plane on the 1 mm grid to every division they touch; area moved is
/// ellipsoidal; boundary length change = half the change of the touched divisions' summed perimeters (the coverage's
/// outer edge does not change); new boundary = the touched divisions' boundaries after that were not boundaries before;
/// nodes (points where three or more boundary edges meet) before and after, near the pieces, give junctions removed,
/// kept and created; markers on removed or re-drawn stretches (<see cref="MarkerScores"/>); cost = hectares moved
/// (doubled across parents) + boundary change in km + people moved / 1000 + markers moved × the marker weight.
/// A resolution that would leave any touched division in more parts than before is not offered (null).
/// </summary>
internal static class MoveScorer
{
    public static EnclaveResolution? Resolution(OptionContext ctx, EnclaveFinding f, int index, ResolutionKind kind,
        IReadOnlyList<(string From, string To, Geometry Metric)> moves, Func<IReadOnlyDictionary<string, Geometry>, IReadOnlyDictionary<string, Geometry>, bool>? accept = null,
        double? followingOverride = null)
    {
        var level = f.Level;
        var before = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        foreach (var code in moves.SelectMany(m => new[] { m.From, m.To }))
        {
            if (!ctx.ByCode.ContainsKey((level, code)))
            {
                return null;
            }
            before.TryAdd(code, ctx.Metric(level, code));
        }
        var after = new Dictionary<string, Geometry>(before, StringComparer.Ordinal);
        var taken = new List<(string From, string To, Geometry Metric)>();
        foreach (var (from, to, piece) in moves)
        {
            var t = OptionContext.Overlay(after[from], piece, SpatialFunction.Intersection);
            if (t.Area < 0.01)
            {
                continue;
            }
            after[from] = OptionContext.Overlay(after[from], t, SpatialFunction.Difference);
            after[to] = OptionContext.Overlay(after[to], t, SpatialFunction.Union);
            taken.Add((from, to, t));
        }
        if (taken.Count == 0)
        {
            return null;
        }
        foreach (var (code, g) in after)
        {
            var emptied = g.Area < 1;
            if ((emptied && kind != ResolutionKind.Merge) || OptionContext.Parts(g) > OptionContext.Parts(before[code]))
            {
                return null;
            }
        }
        if (accept is not null && !accept(before, after))
        {
            return null;
        }
        var lonLatMoves = ImmutableArray.CreateBuilder<PieceMove>();
        double area = 0;
        int people = 0, households = 0, facilities = 0;
        var crossParent = false;
        foreach (var (from, to, t) in taken)
        {
            var lonLat = ctx.Frame.ToLonLat(t);
            var a = EllipsoidalMeasure.AreaSquareMeters(lonLat);
            var moved = ctx.Inputs is null ? default : PointScores.Moved(ctx.Inputs, t, ctx.Frame);
            area += a;
            people += moved.People;
            households += moved.Households;
            facilities += moved.Facilities;
            crossParent |= ctx.ByCode[(level, from)].ParentCode != ctx.ByCode[(level, to)].ParentCode;
            lonLatMoves.Add(new PieceMove(from, to, lonLat, Math.Round(a, 2), moved.People));
        }
        var boundaryChange = (after.Values.Sum(g => g.Length) - before.Values.Sum(g => g.Length)) / 2;
        var factory = taken[0].Metric.Factory;
        var newLines = OverlayNGRobust.Overlay(Lines(after.Values, factory), Lines(before.Values, factory), SpatialFunction.Difference);
        var newLength = newLines.Length;
        var following = followingOverride ?? BoundaryFollowing.Share(ctx, newLines);
        var (removed, kept, created) = Junctions(ctx, level, before, after, taken);
        ImmutableArray<DivisionLevel> levels = crossParent && level > DivisionLevel.Province ? [level - 1, level] : [level];
        var markersMoved = ctx.Markers?.Moved(before.Values, after.Values, taken.Select(t => t.Metric)) ?? [];
        var cost = area / 1e4 * (crossParent ? 2 : 1) + boundaryChange / 1000 + people / 1000.0 + markersMoved.Length * (ctx.Inputs?.MarkerWeight ?? 0);
        var display = taken.Count == 1 ? lonLatMoves[0].Piece : factory.BuildGeometry(lonLatMoves.Select(m => m.Piece)).Union();
        var point = (Point)lonLatMoves[0].Piece.InteriorPoint;
        var score = new ResolutionScore(Math.Round(area, 2), Math.Round(boundaryChange, 3), Math.Round(newLength, 3),
            [.. before.Keys.Order(StringComparer.Ordinal).Select(c => new CompactnessChange(c,
                EnclaveResolver.PolsbyPopper(before[c]), EnclaveResolver.PolsbyPopper(after[c]), EnclaveResolver.HullRatio(before[c]), EnclaveResolver.HullRatio(after[c])))],
            levels, Math.Round(cost, 6), people, households, facilities, following, removed, kept, created)
        { MarkersMoved = markersMoved };
        display.SRID = lonLatMoves[0].Piece.SRID;
        return new EnclaveResolution(index, kind, taken[0].From, taken[0].To, point, display, score, lonLatMoves.ToImmutable());
    }

    private static Geometry Lines(IEnumerable<Geometry> polygons, GeometryFactory factory)
    {
        var lines = new List<LineString>();
        foreach (var g in polygons)
        {
            var b = g.Boundary;
            for (var i = 0; i < b.NumGeometries; i++)
            {
                if (b.GetGeometryN(i) is LineString l && !l.IsEmpty)
                {
                    lines.Add(l);
                }
            }
        }
        return factory.CreateMultiLineString([.. lines]);
    }

    /// <summary>Nodes near the moved pieces, before and after, of the touched divisions and their neighbours there.</summary>
    private static (int Removed, int Kept, int Created) Junctions(OptionContext ctx, DivisionLevel level, Dictionary<string, Geometry> before,
        Dictionary<string, Geometry> after, List<(string From, string To, Geometry Metric)> taken)
    {
        var window = new Envelope();
        foreach (var t in taken)
        {
            window.ExpandToInclude(t.Metric.EnvelopeInternal);
        }
        window.ExpandBy(1);
        var others = ctx.Near(level, window).Where(d => !before.ContainsKey(d.Code)).Select(d => ctx.Metric(level, d.Code)).ToList();
        var factory = taken[0].Metric.Factory;
        var nodesBefore = Nodes(Lines(before.Values.Concat(others), factory), window);
        var nodesAfter = Nodes(Lines(after.Values.Concat(others), factory), window);
        var kept = nodesBefore.Count(nodesAfter.Contains);
        return (nodesBefore.Count - kept, kept, nodesAfter.Count - kept);
    }

    private static HashSet<(long, long)> Nodes(Geometry lines, Envelope window)
    {
        var noded = OverlayNGRobust.Union(lines);
        var degree = new Dictionary<(long, long), int>();
        for (var i = 0; i < noded.NumGeometries; i++)
        {
            if (noded.GetGeometryN(i) is not LineString l)
            {
                continue;
            }
            foreach (var c in new[] { l.StartPoint.Coordinate, l.EndPoint.Coordinate })
            {
                if (window.Contains(c))
                {
                    var key = ((long)Math.Round(c.X * 1000), (long)Math.Round(c.Y * 1000));
                    degree[key] = degree.GetValueOrDefault(key) + 1;
                }
            }
        }
        return [.. degree.Where(d => d.Value >= 3).Select(d => d.Key)];
    }
}
