using System.Collections.Immutable;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Chooses one resolution per finding under the constraints, minimising total cost. The solver is greedy (the exact CP-SAT one is in Boundaries.Plan): findings
/// by descending area, each takes its cheapest option that keeps every division's net area (and population) change
/// within the limits and touches no frozen division, else Keep. A swap half is taken only together with its partner
/// (both findings are then settled, the limits checked on both halves together).
/// </summary>
public static class EnclavePlanner
{
    /// <summary>The plan.</summary>
    public static EnclavePlan Plan(IReadOnlyList<EnclaveResolution> options, PlanConstraints? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        constraints ??= PlanConstraints.None;
        var byFinding = options.GroupBy(o => o.Finding).OrderBy(g => g.Key).ToList();
        var owners = byFinding.ToDictionary(g => g.Key, g => g.First(o => o.Kind == ResolutionKind.Keep).From);
        var net = new Dictionary<string, (double Area, long People)>(StringComparer.Ordinal);
        var chosen = new Dictionary<int, EnclaveResolution>();
        foreach (var group in byFinding.OrderByDescending(g => g.Max(o => o.Score.AreaMovedSquareMeters)).ThenBy(g => g.Key))
        {
            if (chosen.ContainsKey(group.Key))
            {
                continue; // settled by a swap
            }
            var keep = group.First(o => o.Kind == ResolutionKind.Keep);
            List<EnclaveResolution> pick = [keep];
            if (!constraints.Keep.Contains(keep.From))
            {
                foreach (var o in group.Where(o => o.Kind != ResolutionKind.Keep).OrderBy(o => o.Score.Cost).ThenBy(o => o.To, StringComparer.Ordinal))
                {
                    List<EnclaveResolution> together = [o];
                    if (o.Kind == ResolutionKind.Swap)
                    {
                        if (SwapOptions.PartnerOf(o, options) is not { } partner || chosen.ContainsKey(partner.Finding) || constraints.Keep.Contains(owners[partner.Finding]))
                        {
                            continue;
                        }
                        together.Add(partner);
                    }
                    var flows = together.SelectMany(t => t.Flows()).ToList();
                    if (flows.Any(f => constraints.Frozen.Contains(f.From) || constraints.Frozen.Contains(f.To)) || !WithinLimits(net, flows, constraints))
                    {
                        continue;
                    }
                    pick = together;
                    break;
                }
            }
            foreach (var p in pick)
            {
                foreach (var f in p.Flows())
                {
                    Add(net, f.From, -f.Area, -f.People);
                    Add(net, f.To, f.Area, f.People);
                }
                chosen[p.Finding] = p;
            }
        }
        var choices = chosen.OrderBy(c => c.Key).Select(c => c.Value).ToImmutableArray();
        return new EnclavePlan(choices, Math.Round(choices.Sum(c => c.Score.Cost), 6), "greedy");
    }

    private static void Add(Dictionary<string, (double Area, long People)> net, string code, double area, long people)
    {
        var (a, p) = net.GetValueOrDefault(code);
        net[code] = (a + area, p + people);
    }

    private static bool WithinLimits(Dictionary<string, (double Area, long People)> net, List<(string From, string To, double Area, int People)> flows, PlanConstraints c)
    {
        var trial = new Dictionary<string, (double Area, long People)>(StringComparer.Ordinal);
        foreach (var f in flows)
        {
            foreach (var (code, sign) in new[] { (f.From, -1), (f.To, 1) })
            {
                var (a, p) = trial.TryGetValue(code, out var t) ? t : net.GetValueOrDefault(code);
                trial[code] = (a + sign * f.Area, p + sign * f.People);
            }
        }
        return trial.Values.All(v => (c.MaxNetAreaChangeSquareMeters is not { } area || Math.Abs(v.Area) <= area)
            && (c.MaxNetPeopleChange is not { } people || Math.Abs(v.People) <= people));
    }
}
