using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Operation.Distance;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Simplify;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Options for findings that are not whole detached parts:
/// practical by neck — transfer the lobe beyond the neck to the division sharing the longest border with it, or widen
/// the neck (a strip taken from the neighbours so the passage is at least the neck width);
/// practical by access — transfer the zone to the division sharing the longest border with it;
/// management — transfer the zone to the managing division (a zone that does not reach the manager is first grown to
/// it: the convex hull of the zone and the manager's nearest point, within the owner, when the gap is at most
/// <see cref="ResolverSettings.ManagementReachMeters"/>);
/// surrounded — merge into the division around it (only when <see cref="ResolverSettings.MergeSurrounded"/>).
/// Every option is scored by <see cref="MoveScorer"/> and dropped when it would cut a division in two.
/// </summary>
internal static class ZoneOptions
{
    public static IEnumerable<EnclaveResolution> For(OptionContext ctx, EnclaveFinding f, int index)
    {
        if (!ctx.ByCode.ContainsKey((f.Level, f.Owner)))
        {
            return [];
        }
        return f.Class switch
        {
            EnclaveClass.Surrounded when ctx.Settings.MergeSurrounded && f.Hosts.Length == 1 && ctx.ByCode.ContainsKey((f.Level, f.Hosts[0])) =>
                Some(MoveScorer.Resolution(ctx, f, index, ResolutionKind.Merge, [(f.Owner, f.Hosts[0], ctx.Metric(f.Level, f.Owner))])),
            EnclaveClass.PracticalNeck => Neck(ctx, f, index),
            EnclaveClass.PracticalAccess when ctx.Settings.ZoneTransfers => Some(ToLongestBorder(ctx, f, index, Zone(ctx, f))),
            EnclaveClass.Management when f.Evidence.PartIndex < 0 && ctx.Settings.ZoneTransfers => Some(Managed(ctx, f, index)),
            _ => [],
        };
    }

    private static IEnumerable<EnclaveResolution> Some(EnclaveResolution? r) => r is null ? [] : [r];

    /// <summary>The finding's zone in the metric plane, within its owner.</summary>
    private static Geometry Zone(OptionContext ctx, EnclaveFinding f) =>
        OptionContext.Overlay(ctx.LonLatToMetric(f.Geometry), ctx.Metric(f.Level, f.Owner), SpatialFunction.Intersection);

    private static EnclaveResolution? ToLongestBorder(OptionContext ctx, EnclaveFinding f, int index, Geometry zone)
    {
        if (zone.Area < 1)
        {
            return null;
        }
        var receiver = ctx.Near(f.Level, zone.EnvelopeInternal, f.Owner)
            .Select(d => (d.Code, Length: OptionContext.SharedLength(zone, ctx.Metric(f.Level, d.Code))))
            .Where(b => b.Length > 0.01)
            .OrderByDescending(b => b.Length).ThenBy(b => b.Code, StringComparer.Ordinal)
            .Select(b => b.Code).FirstOrDefault();
        return receiver is null ? null : MoveScorer.Resolution(ctx, f, index, ResolutionKind.TransferZone, [(f.Owner, receiver, zone)]);
    }

    private static IEnumerable<EnclaveResolution> Neck(OptionContext ctx, EnclaveFinding f, int index)
    {
        var lobe = Zone(ctx, f);
        if (ctx.Settings.ZoneTransfers && ToLongestBorder(ctx, f, index, lobe) is { } transfer)
        {
            yield return transfer;
        }
        if (ctx.Settings.WidenNecks && f.Evidence.NeckWidthMeters is { } width && Widen(ctx, f, index, lobe, width) is { } widen)
        {
            yield return widen;
        }
    }

    /// <summary>The passage = the lobe minus its opening by W/2 (what is narrower than W), next to the cut; the strip =
    /// the passage and the cut grown by W/2, outside the owner, taken from the neighbours.</summary>
    private static EnclaveResolution? Widen(OptionContext ctx, EnclaveFinding f, int index, Geometry lobe, double width)
    {
        var owner = ctx.Metric(f.Level, f.Owner);
        var rest = OptionContext.Overlay(owner, lobe, SpatialFunction.Difference);
        var cut = OptionContext.Overlay(lobe.Boundary, rest.Boundary, SpatialFunction.Intersection);
        if (cut.Length <= 0)
        {
            return null;
        }
        var parameters = new BufferParameters(8, EndCapStyle.Round, JoinStyle.Round, 5);
        var core = BufferOp.Buffer(DouglasPeuckerSimplifier.Simplify(lobe, width / 10), -width / 2, parameters);
        var opened = core.IsEmpty ? core : OptionContext.Overlay(BufferOp.Buffer(core, width / 2 + 0.01, parameters), lobe, SpatialFunction.Intersection);
        var thin = opened.IsEmpty ? lobe : OptionContext.Overlay(lobe, opened, SpatialFunction.Difference);
        var near = cut.Buffer(width);
        var passage = Enumerable.Range(0, thin.NumGeometries).Select(thin.GetGeometryN).Where(p => p.Intersects(near)).ToList();
        var axis = passage.Count == 0 ? cut : OptionContext.Overlay(lobe.Factory.BuildGeometry(passage), cut.Buffer(0.01), SpatialFunction.Union);
        var strip = OptionContext.Overlay(BufferOp.Buffer(axis, width / 2, parameters), owner, SpatialFunction.Difference);
        var moves = ctx.Near(f.Level, strip.EnvelopeInternal, f.Owner)
            .Select(d => (From: d.Code, To: f.Owner, Metric: OptionContext.Overlay(ctx.Metric(f.Level, d.Code), strip, SpatialFunction.Intersection)))
            .Where(m => m.Metric.Area >= 0.01)
            .OrderByDescending(m => m.Metric.Area).ThenBy(m => m.From, StringComparer.Ordinal)
            .ToList();
        return moves.Count == 0 ? null : MoveScorer.Resolution(ctx, f, index, ResolutionKind.WidenNeck, moves);
    }

    private static EnclaveResolution? Managed(OptionContext ctx, EnclaveFinding f, int index)
    {
        if (f.Evidence.ManagedBy is not { } manager || !ctx.ByCode.ContainsKey((f.Level, manager)))
        {
            return null;
        }
        var owner = ctx.Metric(f.Level, f.Owner);
        var target = ctx.Metric(f.Level, manager);
        var zone = Zone(ctx, f);
        if (zone.Area < 1)
        {
            return null;
        }
        if (OptionContext.SharedLength(zone, target) <= 0.01)
        {
            var nearest = DistanceOp.NearestPoints(zone, target);
            if (nearest[0].Distance(nearest[1]) > ctx.Settings.ManagementReachMeters)
            {
                return null;
            }
            var reach = zone.Factory.CreatePoint(nearest[1]).Buffer(Math.Max(1, ctx.Settings.CorridorWidthMeters / 2));
            var grown = OptionContext.Overlay(zone, reach, SpatialFunction.Union).ConvexHull();
            zone = OptionContext.Overlay(grown, owner, SpatialFunction.Intersection);
        }
        return MoveScorer.Resolution(ctx, f, index, ResolutionKind.TransferZone, [(f.Owner, manager, zone)]);
    }
}
