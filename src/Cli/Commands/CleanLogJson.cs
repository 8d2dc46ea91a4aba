using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Clean;
using Boundaries.Geo.Crs;

namespace Boundaries.Cli.Commands;

/// <summary>The change log of <c>boundaries clean --log</c>: one JSON object per change, locations as WKT in the input's system.</summary>
internal static class CleanLogJson
{
    public static string Of(CleanResult result, CrsCode inputCrs) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            metric_crs = result.MetricCrs.ToString(),
            location_crs = inputCrs.ToString(),
            area_note = "area_m2 is planar in metric_crs; ellipsoidal_area_m2 is on the CGCS2000 ellipsoid",
            changes = result.Log.Select(c => new
            {
                kind = KindName(c.Kind),
                level = c.Level.ToString().ToLowerInvariant(),
                parent = c.ParentCode,
                claimants = c.Claimants,
                candidates = c.Candidates,
                owner = c.Owner,
                area_m2 = Math.Round(c.AreaSquareMeters, 3),
                ellipsoidal_area_m2 = Math.Round(c.EllipsoidalAreaSquareMeters, 3),
                width_m = Math.Round(c.WidthMeters, 3),
                reason = c.Reason,
                location = c.Location.AsText(),
            }),
        }, JsonOutput.Options);

    public static string KindName(CleanChangeKind kind) => kind switch
    {
        CleanChangeKind.Repaired => "repaired",
        CleanChangeKind.OutsideParentRemoved => "outside_parent_removed",
        CleanChangeKind.GapFilled => "gap_filled",
        CleanChangeKind.OverlapResolved => "overlap_resolved",
        CleanChangeKind.SliverMerged => "sliver_merged",
        CleanChangeKind.NearMissSnapped => "near_miss_snapped",
        _ => "gap_left_open",
    };
}
