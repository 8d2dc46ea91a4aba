using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Lines;
using Boundaries.Viewer.Sources;

namespace Boundaries.Viewer.Enclaves;

/// <summary>
/// The enclave findings and their options for the divisions in force of one loaded snapshot (computed once per
/// snapshot and level), plans made from the official's choices or by the solver, and the division list that applying a
/// plan with an effective date gives (changed divisions end the day before and start again on that day).
/// </summary>
internal static class EnclaveWorkflow
{
    private static readonly ConditionalWeakTable<BoundarySnapshot, Dictionary<DivisionLevel, Analysis>> Cache = [];

    /// <summary>The in-force set of a snapshot, its findings at one level, every finding's options, and how many markers were scored.</summary>
    internal sealed record Analysis(DivisionSet Set, ImmutableArray<EnclaveFinding> Findings, ImmutableArray<EnclaveResolution> Options, int Markers = 0)
    {
        public IEnumerable<(int Index, EnclaveResolution Option)> OptionsOf(int finding) =>
            Options.Where(o => o.Finding == finding).Select((o, i) => (i, o));
    }

    public static Analysis For(BoundarySnapshot snapshot, DivisionLevel level)
    {
        var byLevel = Cache.GetValue(snapshot, _ => []);
        lock (byLevel)
        {
            if (!byLevel.TryGetValue(level, out var analysis))
            {
                var set = new DivisionSet([.. LineTopologyCache.Current(snapshot.Locator.Divisions)], CrsCode.Cgcs2000);
                var findings = EnclaveFinder.Find(set, EnclaveOptions.Default with { Level = level });
                // the source's markers in force are scored: an option that would move markers says which, and costs more
                var inputs = snapshot.Markers.IsDefaultOrEmpty ? null : new ScoringInputs { Markers = snapshot.Markers };
                analysis = new Analysis(set, findings, EnclaveResolver.Options(set, findings, inputs), snapshot.Markers.IsDefault ? 0 : snapshot.Markers.Length);
                byLevel[level] = analysis;
            }
            return analysis;
        }
    }

    /// <summary>
    /// The plan: the chosen option of each finding named in <paramref name="choices"/> (finding index, option index
    /// within that finding); with no choices, the solver's plan over every option (CP-SAT, greedy fallback). A swap half
    /// brings its other half (<see cref="CompleteSwaps"/>), never applied alone as a plain transfer.
    /// </summary>
    /// <exception cref="ArgumentException">A finding or option index is out of range, a finding is chosen twice, or a swap's partner has another option chosen.</exception>
    public static EnclavePlan Plan(Analysis analysis, IReadOnlyList<EnclaveChoice>? choices)
    {
        if (choices is null || choices.Count == 0)
        {
            return Boundaries.Plan.PlanSolvers.Plan(analysis.Options, PlanConstraints.None);
        }
        var chosen = new SortedDictionary<int, EnclaveResolution>();
        foreach (var c in choices)
        {
            if (c.Finding < 0 || c.Finding >= analysis.Findings.Length)
            {
                throw new ArgumentException($"there is no finding {c.Finding}");
            }
            var options = analysis.OptionsOf(c.Finding).ToList();
            if (c.Option < 0 || c.Option >= options.Count)
            {
                throw new ArgumentException($"finding {c.Finding} has no option {c.Option}");
            }
            if (!chosen.TryAdd(c.Finding, options[c.Option].Option))
            {
                throw new ArgumentException($"finding {c.Finding} is chosen twice / 飞地 {c.Finding} 被选择了两次");
            }
        }
        CompleteSwaps(analysis, chosen);
        return new EnclavePlan([.. chosen.Values], chosen.Values.Sum(r => r.Score.Cost), "official");
    }

    /// <summary>
    /// Both halves of every swap among the choices: a swap half chosen alone brings its partner's half (the exchange is
    /// one change; one half alone would be a plain transfer the official did not choose). A partner finding chosen with
    /// another option is refused, in English and Chinese.
    /// </summary>
    /// <exception cref="ArgumentException">A swap half's partner finding has another option chosen, or the partner half is not offered.</exception>
    private static void CompleteSwaps(Analysis analysis, SortedDictionary<int, EnclaveResolution> chosen)
    {
        foreach (var half in chosen.Values.Where(r => r.Kind == ResolutionKind.Swap).ToList())
        {
            var partner = SwapOptions.PartnerOf(half, analysis.Options)
                ?? throw new ArgumentException($"the swap of finding {half.Finding} has no other half on offer / 飞地 {half.Finding} 的互换方案缺少另一半");
            if (!chosen.TryGetValue(partner.Finding, out var other))
            {
                chosen[partner.Finding] = partner;
            }
            else if (!ReferenceEquals(other, partner))
            {
                throw new ArgumentException(
                    $"finding {half.Finding} is swapped with finding {partner.Finding} ({half.From} ⇄ {half.To}), but finding {partner.Finding} has another option chosen ({other.Kind}); choose the swap for both or for neither / "
                    + $"飞地 {half.Finding} 与飞地 {partner.Finding} 互换（{half.From} ⇄ {half.To}），但飞地 {partner.Finding} 选择了其他方案；互换须两处同时选择或都不选");
            }
        }
    }

    /// <summary>The in-force divisions after the plan: (before, after) of each division whose geometry changed.</summary>
    public static (DivisionSet After, ImmutableArray<(Division Before, Division After)> Changed) Preview(Analysis analysis, EnclavePlan plan, DivisionLevel level)
    {
        var (after, _) = EnclaveApplier.Apply(analysis.Set, plan, level);
        var changed = analysis.Set.Divisions.Zip(after.Divisions)
            .Where(p => !ReferenceEquals(p.First.Geometry, p.Second.Geometry))
            .ToImmutableArray();
        return (after, changed);
    }

    /// <summary>
    /// Every division of the snapshot (all dates) with the changes in force from <paramref name="effective"/>: each
    /// changed division's record ends on that day and a record with the new geometry starts on it.
    /// </summary>
    /// <exception cref="ArgumentException">A changed division's record starts on or after the effective date.</exception>
    public static ImmutableArray<Division> WithEffectiveDate(BoundarySnapshot snapshot, ImmutableArray<(Division Before, Division After)> changed, DateOnly effective)
    {
        var replaced = new Dictionary<Division, Division>(ReferenceEqualityComparer.Instance);
        foreach (var (b, a) in changed)
        {
            replaced[b] = a;
        }
        var result = ImmutableArray.CreateBuilder<Division>();
        foreach (var d in snapshot.Locator.Divisions)
        {
            if (!replaced.TryGetValue(d, out var next))
            {
                result.Add(d);
                continue;
            }
            if (d.ValidFrom is { } from && from >= effective)
            {
                throw new ArgumentException($"{d.Code} is in force only from {from:yyyy-MM-dd}: the effective date must be later");
            }
            result.Add(d with { ValidTo = effective });
            result.Add(next with { ValidFrom = effective, ValidTo = null });
        }
        return result.ToImmutable();
    }
}

/// <summary>An official's choice: option <paramref name="Option"/> (0-based, in the order of the finding's options) of finding <paramref name="Finding"/>.</summary>
internal sealed record EnclaveChoice(int Finding, int Option);
