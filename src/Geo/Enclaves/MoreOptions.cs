using System.Collections.Immutable;
using Boundaries.Geo.Model;
using Boundaries.Geo.Validation;

namespace Boundaries.Geo.Enclaves;

/// <summary>Adds corridors, zone transfers, neck widening, merges, road-following variants and swaps to the basic options.</summary>
internal static class MoreOptions
{
    public static ImmutableArray<EnclaveResolution> Add(DivisionSet set, IReadOnlyList<EnclaveFinding> findings, ScoringInputs? inputs,
        ResolverSettings settings, ImmutableArray<EnclaveResolution> basic)
    {
        var frame = MetricFrame.For(set.Crs, set.Divisions.Select(d => d.Geometry));
        var ctx = new OptionContext(set, frame, inputs, PointScores.LineIndex(inputs, frame), settings);
        var all = new List<EnclaveResolution>(basic);
        for (var i = 0; i < findings.Count; i++)
        {
            all.AddRange(CorridorOptions.For(ctx, findings[i], i));
            all.AddRange(ZoneOptions.For(ctx, findings[i], i));
        }
        if (settings.FollowToleranceMeters is { } tolerance)
        {
            all.AddRange(FollowOptions.For(ctx, findings, all, tolerance));
        }
        if (settings.Swaps)
        {
            all.AddRange(SwapOptions.Pair(all));
        }
        // stable: Keep and the basic options of each finding stay first
        return [.. all.OrderBy(o => o.Finding)];
    }
}
