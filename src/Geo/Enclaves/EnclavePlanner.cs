using System.Collections.Immutable;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Chooses one resolution per finding under the constraints, minimising total cost. The solver is greedy (the exact CP-SAT one is in Boundaries.Plan): findings
/// by descending area, each takes its cheapest transfer that keeps every division's net area change within the limit
/// and touches no frozen division, else Keep.
/// </summary>
public static class EnclavePlanner
{
    /// <summary>The plan.</summary>
    public static EnclavePlan Plan(IReadOnlyList<EnclaveResolution> options, PlanConstraints? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        constraints ??= PlanConstraints.None;
        var byFinding = options.GroupBy(o => o.Finding).OrderBy(g => g.Key).ToList();
        var net = new Dictionary<string, double>(StringComparer.Ordinal);
        var chosen = new Dictionary<int, EnclaveResolution>();
        foreach (var group in byFinding.OrderByDescending(g => g.Max(o => o.Score.AreaMovedSquareMeters)).ThenBy(g => g.Key))
        {
            var keep = group.First(o => o.Kind == ResolutionKind.Keep);
            var pick = keep;
            if (!constraints.Keep.Contains(keep.From))
            {
                foreach (var o in group.Where(o => o.Kind != ResolutionKind.Keep).OrderBy(o => o.Score.Cost).ThenBy(o => o.To, StringComparer.Ordinal))
                {
                    if (constraints.Frozen.Contains(o.From) || constraints.Frozen.Contains(o.To!) || !WithinLimit(net, o, constraints))
                    {
                        continue;
                    }
                    pick = o;
                    break;
                }
            }
            if (pick.Kind != ResolutionKind.Keep)
            {
                net[pick.From] = net.GetValueOrDefault(pick.From) - pick.Score.AreaMovedSquareMeters;
                net[pick.To!] = net.GetValueOrDefault(pick.To!) + pick.Score.AreaMovedSquareMeters;
            }
            chosen[group.Key] = pick;
        }
        var choices = chosen.OrderBy(c => c.Key).Select(c => c.Value).ToImmutableArray();
        return new EnclavePlan(choices, Math.Round(choices.Sum(c => c.Score.Cost), 6), "greedy");
    }

    private static bool WithinLimit(Dictionary<string, double> net, EnclaveResolution o, PlanConstraints c) =>
        c.MaxNetAreaChangeSquareMeters is not { } limit
        || (Math.Abs(net.GetValueOrDefault(o.From) - o.Score.AreaMovedSquareMeters) <= limit
            && Math.Abs(net.GetValueOrDefault(o.To!) + o.Score.AreaMovedSquareMeters) <= limit);
}
