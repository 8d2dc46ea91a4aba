using Boundaries.Geo.Enclaves;
using Boundaries.Plan;
using NetTopologySuite.Geometries;

namespace Boundaries.Plan.Tests;

public sealed class CpSatPlanSolverTests
{
    private static readonly GeometryFactory Factory = new();

    private static EnclaveResolution Option(int finding, string from, string? to, double area, double cost) =>
        new(finding, to is null ? ResolutionKind.Keep : ResolutionKind.TransferToHost, from, to, Factory.CreatePoint(new Coordinate(finding, 0)),
            Factory.CreatePoint(new Coordinate(finding, 0)), to is null ? ResolutionScore.None : new ResolutionScore(area, 0, 0, [], [], cost));

    /// <summary>Greedy takes the larger finding first and gives it to A (cost 1); A is then full, so the smaller one goes to B at cost 100.
    /// By hand: the best is the larger to B (5) and the smaller to A (1), total 6.</summary>
    private static List<EnclaveResolution> GreedyTrap() =>
    [
        Option(0, "P", null, 0, 0), Option(0, "P", "A", 100, 1), Option(0, "P", "B", 100, 5),
        Option(1, "Q", null, 0, 0), Option(1, "Q", "A", 60, 1), Option(1, "Q", "B", 60, 100),
    ];

    private static readonly PlanConstraints Limit100 = new() { MaxNetAreaChangeSquareMeters = 100 };

    [Fact]
    public void NativeLibraryLoads_AndSolverIsCpSat()
    {
        var plan = PlanSolvers.Plan(GreedyTrap(), Limit100);
        Assert.Equal("cp-sat", plan.Solver);
    }

    [Fact]
    public void OnAGreedyTrap_CpSatIsCheaperThanGreedy()
    {
        var greedy = EnclavePlanner.Plan(GreedyTrap(), Limit100);
        var exact = new CpSatPlanSolver().Solve(GreedyTrap(), Limit100);
        Assert.Equal(101, greedy.TotalCost);
        Assert.Equal(6, exact.TotalCost);
        Assert.Equal(["B", "A"], exact.Choices.Select(c => c.To));
    }

    [Fact]
    public void FrozenAndKept_AreRespected()
    {
        var plan = new CpSatPlanSolver().Solve(GreedyTrap(), new PlanConstraints { Frozen = ["A"], Keep = ["Q"] });
        Assert.Equal("B", plan.Choices[0].To);
        Assert.Equal(ResolutionKind.Keep, plan.Choices[1].Kind);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void RandomCases_CpSatMatchesBruteForce_AndIsNeverWorseThanGreedy(int seed)
    {
        var rng = new Random(seed);
        var codes = new[] { "A", "B", "C", "D" };
        var options = new List<EnclaveResolution>();
        for (var f = 0; f < 7; f++)
        {
            var owner = codes[rng.Next(codes.Length)];
            options.Add(Option(f, owner, null, 0, 0));
            var area = 10 + rng.Next(90);
            foreach (var to in codes.Where(c => c != owner).OrderBy(_ => rng.Next()).Take(1 + rng.Next(3)))
            {
                options.Add(Option(f, owner, to, area, 1 + rng.Next(50)));
            }
        }
        var constraints = new PlanConstraints { MaxNetAreaChangeSquareMeters = 120 };
        var exact = new CpSatPlanSolver().Solve(options, constraints);
        var greedy = EnclavePlanner.Plan(options, constraints);
        var (resolved, cost) = BruteForce(options, 120);
        Assert.Equal(resolved, exact.Choices.Count(c => c.Kind != ResolutionKind.Keep));
        Assert.Equal(cost, exact.TotalCost, 6);
        Assert.True(greedy.Choices.Count(c => c.Kind != ResolutionKind.Keep) < resolved || exact.TotalCost <= greedy.TotalCost + 1e-9);
    }

    private static (int Resolved, double Cost) BruteForce(List<EnclaveResolution> options, double limit)
    {
        var groups = options.GroupBy(o => o.Finding).Select(g => g.ToList()).ToList();
        var best = (Resolved: -1, Cost: double.MaxValue);
        var pick = new EnclaveResolution[groups.Count];
        void Go(int k)
        {
            if (k == groups.Count)
            {
                var net = new Dictionary<string, double>();
                foreach (var p in pick.Where(p => p.Kind != ResolutionKind.Keep))
                {
                    net[p.From] = net.GetValueOrDefault(p.From) - p.Score.AreaMovedSquareMeters;
                    net[p.To!] = net.GetValueOrDefault(p.To!) + p.Score.AreaMovedSquareMeters;
                }
                if (net.Values.Any(v => Math.Abs(v) > limit))
                {
                    return;
                }
                var resolved = pick.Count(p => p.Kind != ResolutionKind.Keep);
                var cost = pick.Sum(p => p.Score.Cost);
                if (resolved > best.Resolved || (resolved == best.Resolved && cost < best.Cost))
                {
                    best = (resolved, cost);
                }
                return;
            }
            foreach (var o in groups[k])
            {
                pick[k] = o;
                Go(k + 1);
            }
        }
        Go(0);
        return best;
    }
}

public sealed class PlanSolversFallbackTests
{
    private sealed class MissingNative : IPlanSolver
    {
        public EnclavePlan Solve(IReadOnlyList<EnclaveResolution> options, PlanConstraints constraints) =>
            throw new DllNotFoundException("libortools.so");
    }

    [Fact]
    public void WhenTheNativeLibraryFails_GreedyPlansAndSaysSo()
    {
        var f = new GeometryFactory();
        var p = f.CreatePoint(new Coordinate(0, 0));
        List<EnclaveResolution> options =
        [
            new(0, ResolutionKind.Keep, "P", null, p, p, ResolutionScore.None),
            new(0, ResolutionKind.TransferToHost, "P", "A", p, p, new ResolutionScore(10, 0, 0, [], [], 3)),
        ];
        var plan = PlanSolvers.Plan(options, PlanConstraints.None, new MissingNative());
        Assert.StartsWith("greedy (CP-SAT unavailable: DllNotFoundException", plan.Solver, StringComparison.Ordinal);
        Assert.Equal("A", plan.Choices[0].To);
    }
}
