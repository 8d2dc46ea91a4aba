using Boundaries.Geo.Measure;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Management enclaves from address points: the points lying in a division whose manager is another division of
/// the level, grouped by (division, manager); the zone is their convex hull grown by <see cref="MarginMeters"/>,
/// clipped to the division. Managers that are not divisions of the level are ignored (another level's units).
/// </summary>
internal static class ManagementPointFinder
{
    public const double MarginMeters = 50;

    public static IEnumerable<EnclaveFinding> Find(FinderContext context, List<Division> divisions)
    {
        var codes = divisions.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var points = context.Options.ManagementPoints.Where(p => codes.Contains(p.Manager)).ToList();
        if (points.Count == 0)
        {
            yield break;
        }
        // points by envelope; each division's rings in chunked flat arrays for the point-in-polygon test (RoadClipper.Inside)
        var index = new STRtree<int>();
        for (var i = 0; i < points.Count; i++)
        {
            index.Insert(points[i].Location.EnvelopeInternal, i);
        }
        index.Build();
        foreach (var d in divisions)
        {
            var candidates = index.Query(d.Geometry.EnvelopeInternal).Where(i => points[i].Manager != d.Code).Order().ToList();
            if (candidates.Count == 0)
            {
                continue;
            }
            var locator = RoadClipper.For(d.Geometry);
            var inside = candidates.Select(i => points[i]).Where(p => locator.Inside(p.Location.Coordinate)).ToList();
            foreach (var group in inside.GroupBy(p => p.Manager).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var metric = context.Frame.ToMetric(d.Geometry, out _);
                var hull = context.Frame.AnyToMetric(metric.Factory.BuildGeometry(group.Select(p => (Geometry)p.Location))).ConvexHull().Buffer(MarginMeters);
                var zone = OverlayNG.Overlay(hull, metric, SpatialFunction.Intersection, metric.PrecisionModel);
                var lonLat = context.Frame.ToLonLat(zone);
                var (note, detail) = EnclaveNotes.Of("managed_points", group.Count(), d.Code, group.Key);
                yield return new EnclaveFinding(d.Code, [group.Key], EnclaveClass.Management, 1, context.Level,
                    EllipsoidalMeasure.AreaSquareMeters(lonLat), lonLat,
                    new EnclaveEvidence([new SharedBorder(group.Key, 0)], 0, -1, d.Geometry.NumGeometries, ManagedBy: group.Key,
                        Note: note, Detail: detail));
            }
        }
    }
}
