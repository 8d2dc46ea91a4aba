using System.Collections.Immutable;
using Boundaries.Geo.Enclaves;
using Google.OrTools.Sat;

namespace Boundaries.Plan;

/// <summary>
/// The exact planner (OR-Tools CP-SAT): one boolean per candidate, exactly one per finding; a finding whose owner is
/// in <see cref="PlanConstraints.Keep"/> is kept; a candidate touching a frozen division is off; each division's net
/// area change (m², rounded) within <see cref="PlanConstraints.MaxNetAreaChangeSquareMeters"/> and net population change
/// within <see cref="PlanConstraints.MaxNetPeopleChange"/>; the two halves of a swap are equal (both or neither). Objective,
/// lexicographic by weight: first resolve as many findings as possible (as the greedy planner tries to), then the
/// least total cost (costs scaled to 1/1000 and rounded).
/// </summary>
public sealed class CpSatPlanSolver(double timeLimitSeconds = 10) : IPlanSolver
{
    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">CP-SAT found no feasible plan (cannot happen: keeping all is feasible).</exception>
    public EnclavePlan Solve(IReadOnlyList<EnclaveResolution> options, PlanConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(constraints);
        var model = new CpModel();
        var x = options.Select((o, i) => model.NewBoolVar($"x{i}")).ToArray();
        var groups = options.Select((o, i) => (o, i)).GroupBy(p => p.o.Finding).OrderBy(g => g.Key).ToList();
        var scaled = options.Select(o => (long)Math.Round(o.Score.Cost * 1000)).ToArray();
        var keepPenalty = 1 + scaled.Sum(Math.Abs);
        var objective = LinearExpr.Constant(0);
        var terms = new List<LinearExpr>();
        foreach (var g in groups)
        {
            model.AddExactlyOne(g.Select(p => (ILiteral)x[p.i]));
        }
        var owners = groups.ToDictionary(g => g.Key, g => g.Select(p => p.o).First(o => o.Kind == ResolutionKind.Keep).From);
        var net = new Dictionary<string, List<(int Index, long Area, long People)>>(StringComparer.Ordinal);
        var halves = Enumerable.Range(0, options.Count).Where(i => options[i] is { Kind: ResolutionKind.Swap, Partner: not null })
            .GroupBy(i => (options[i].Finding, options[i].Partner!.Value, options[i].From, options[i].To!))
            .ToDictionary(g => g.Key, g => g.First());
        for (var i = 0; i < options.Count; i++)
        {
            var o = options[i];
            if (o.Kind == ResolutionKind.Keep)
            {
                var offered = options.Any(q => q.Finding == o.Finding && q.Kind != ResolutionKind.Keep);
                terms.Add(x[i] * (offered && !constraints.Keep.Contains(o.From) ? keepPenalty : 0));
                continue;
            }
            var flows = o.Flows().ToList();
            if (constraints.Keep.Contains(owners[o.Finding]) || flows.Any(f => constraints.Frozen.Contains(f.From) || constraints.Frozen.Contains(f.To)))
            {
                model.Add(x[i] == 0);
                continue;
            }
            if (o.Kind == ResolutionKind.Swap)
            {
                // both halves or neither
                if (!halves.TryGetValue((o.Partner!.Value, o.Finding, o.To!, o.From), out var partner))
                {
                    model.Add(x[i] == 0);
                    continue;
                }
                model.Add(x[i] == x[partner]);
            }
            terms.Add(x[i] * scaled[i]);
            foreach (var f in flows)
            {
                (net.TryGetValue(f.From, out var from) ? from : net[f.From] = []).Add((i, -(long)Math.Round(f.Area), -f.People));
                (net.TryGetValue(f.To, out var to) ? to : net[f.To] = []).Add((i, (long)Math.Round(f.Area), f.People));
            }
        }
        if (constraints.MaxNetAreaChangeSquareMeters is { } limit)
        {
            var bound = (long)Math.Floor(limit);
            foreach (var (_, list) in net)
            {
                model.AddLinearConstraint(LinearExpr.Sum(list.Select(p => x[p.Index] * p.Area)), -bound, bound);
            }
        }
        if (constraints.MaxNetPeopleChange is { } people)
        {
            foreach (var (_, list) in net)
            {
                model.AddLinearConstraint(LinearExpr.Sum(list.Select(p => x[p.Index] * p.People)), -people, people);
            }
        }
        objective = LinearExpr.Sum(terms);
        model.Minimize(objective);
        var solver = new CpSolver { StringParameters = $"max_time_in_seconds:{timeLimitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)},num_workers:2,random_seed:1" };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            throw new InvalidOperationException($"CP-SAT: {status}");
        }
        var choices = groups.Select(g => options[g.First(p => solver.BooleanValue(x[p.i])).i]).ToImmutableArray();
        return new EnclavePlan(choices, Math.Round(choices.Sum(c => c.Score.Cost), 6), status == CpSolverStatus.Optimal ? "cp-sat" : "cp-sat (time limit)");
    }
}
