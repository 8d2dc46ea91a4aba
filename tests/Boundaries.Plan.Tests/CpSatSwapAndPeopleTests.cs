using Boundaries.Geo.Enclaves;
using Boundaries.Plan;
using NetTopologySuite.Geometries;

namespace Boundaries.Plan.Tests;

/// <summary>Swaps (both halves or neither) and the net-population limit, in CP-SAT and greedy, against brute force.</summary>
public sealed class CpSatSwapAndPeopleTests
{
    private static readonly GeometryFactory Factory = new();

    private static EnclaveResolution Option(int finding, string from, string? to, double area, double cost, int people = 0) =>
        new(finding, to is null ? ResolutionKind.Keep : ResolutionKind.TransferToHost, from, to, Factory.CreatePoint(new Coordinate(finding, 0)),
            Factory.CreatePoint(new Coordinate(finding, 0)), to is null ? ResolutionScore.None : new ResolutionScore(area, 0, 0, [], [], cost, PeopleMoved: people));

    /// <summary>A's 1000 m² piece can go to B, B's 990 m² piece to A; each alone moves 1000 or 990 m², together 10 m² net.</summary>
    private static List<EnclaveResolution> Exchange(bool swaps)
    {
        List<EnclaveResolution> options = [Option(0, "A", null, 0, 0), Option(0, "A", "B", 1000, 1), Option(1, "B", null, 0, 0), Option(1, "B", "A", 990, 1)];
        if (swaps)
        {
            options.AddRange(SwapOptions.Pair(options));
        }
        return options;
    }

    private static readonly PlanConstraints Limit100 = new() { MaxNetAreaChangeSquareMeters = 100 };

    [Fact]
    public void UnderANetAreaLimit_BothPlannersTakeTheSwap_AndGreedyNothingWithoutIt()
    {
        var options = Exchange(swaps: true);
        Assert.Equal(2, options.Count(o => o.Kind == ResolutionKind.Swap));
        foreach (var plan in new[] { new CpSatPlanSolver().Solve(options, Limit100), EnclavePlanner.Plan(options, Limit100) })
        {
            Assert.Equal([ResolutionKind.Swap, ResolutionKind.Swap], plan.Choices.Select(c => c.Kind));
            Assert.Equal(2 - 2 * SwapOptions.Discount, plan.TotalCost, 6);
        }
        // without swap options greedy, taking one finding at a time, can move neither piece; CP-SAT sees the two
        // transfers together (the same exchange, which is why the swap is cheaper by the discount and wins the tie)
        Assert.All(EnclavePlanner.Plan(Exchange(false), Limit100).Choices, c => Assert.Equal(ResolutionKind.Keep, c.Kind));
        Assert.All(new CpSatPlanSolver().Solve(Exchange(false), Limit100).Choices, c => Assert.Equal(ResolutionKind.TransferToHost, c.Kind));
    }

    [Fact]
    public void AHalfIsNeverTakenAlone_WhenThePartnerMustBeKept()
    {
        var options = Exchange(swaps: true);
        var keepB = new PlanConstraints { Keep = ["B"] };
        foreach (var plan in new[] { new CpSatPlanSolver().Solve(options, keepB), EnclavePlanner.Plan(options, keepB) })
        {
            Assert.Equal(ResolutionKind.TransferToHost, plan.Choices[0].Kind);
            Assert.Equal(ResolutionKind.Keep, plan.Choices[1].Kind);
        }
        var both = new PlanConstraints { Keep = ["B"], MaxNetAreaChangeSquareMeters = 100 };
        Assert.All(new CpSatPlanSolver().Solve(options, both).Choices, c => Assert.Equal(ResolutionKind.Keep, c.Kind));
    }

    [Fact]
    public void NetPeopleLimit_BlocksAPopulousTransfer_ButNotAnEmptyOne()
    {
        List<EnclaveResolution> options = [Option(0, "P", null, 0, 0), Option(0, "P", "A", 10, 1, people: 500), Option(0, "P", "B", 10, 5, people: 500),
            Option(1, "Q", null, 0, 0), Option(1, "Q", "A", 10, 1, people: 0)];
        var limit = new PlanConstraints { MaxNetPeopleChange = 400 };
        foreach (var plan in new[] { new CpSatPlanSolver().Solve(options, limit), EnclavePlanner.Plan(options, limit) })
        {
            Assert.Equal(ResolutionKind.Keep, plan.Choices[0].Kind);
            Assert.Equal("A", plan.Choices[1].To);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomCasesWithSwapsAndPeople_CpSatMatchesBruteForce(int seed)
    {
        var rng = new Random(seed);
        var codes = new[] { "A", "B", "C" };
        var options = new List<EnclaveResolution>();
        for (var f = 0; f < 7; f++)
        {
            var owner = codes[rng.Next(codes.Length)];
            options.Add(Option(f, owner, null, 0, 0));
            var area = 10 + rng.Next(90);
            var people = rng.Next(300);
            foreach (var to in codes.Where(c => c != owner).OrderBy(_ => rng.Next()).Take(1 + rng.Next(2)))
            {
                options.Add(Option(f, owner, to, area, 1 + rng.Next(50), people));
            }
        }
        options.AddRange(SwapOptions.Pair(options));
        var constraints = new PlanConstraints { MaxNetAreaChangeSquareMeters = 100, MaxNetPeopleChange = 250 };
        var exact = new CpSatPlanSolver().Solve(options, constraints);
        var greedy = EnclavePlanner.Plan(options, constraints);
        var (resolved, cost) = BruteForce(options, constraints);
        Assert.Equal(resolved, exact.Choices.Count(c => c.Kind != ResolutionKind.Keep));
        Assert.Equal(cost, exact.TotalCost, 6);
        Assert.True(Feasible(exact.Choices, constraints));
        Assert.True(Feasible(greedy.Choices, constraints), "greedy respects the limits and the swap pairing too");
    }

    private static bool Feasible(IReadOnlyList<EnclaveResolution> pick, PlanConstraints c)
    {
        foreach (var half in pick.Where(p => p.Kind == ResolutionKind.Swap))
        {
            var other = pick[half.Partner!.Value];
            if (other.Kind != ResolutionKind.Swap || other.Partner != half.Finding || other.From != half.To)
            {
                return false;
            }
        }
        var net = new Dictionary<string, (double Area, long People)>();
        foreach (var p in pick.Where(p => p.Kind != ResolutionKind.Keep))
        {
            var (fa, fp) = net.GetValueOrDefault(p.From);
            net[p.From] = (fa - p.Score.AreaMovedSquareMeters, fp - p.Score.PeopleMoved);
            var (ta, tp) = net.GetValueOrDefault(p.To!);
            net[p.To!] = (ta + p.Score.AreaMovedSquareMeters, tp + p.Score.PeopleMoved);
        }
        return net.Values.All(v => Math.Abs(v.Area) <= c.MaxNetAreaChangeSquareMeters && Math.Abs(v.People) <= c.MaxNetPeopleChange);
    }

    private static (int Resolved, double Cost) BruteForce(List<EnclaveResolution> options, PlanConstraints c)
    {
        var groups = options.GroupBy(o => o.Finding).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var best = (Resolved: -1, Cost: double.MaxValue);
        var pick = new EnclaveResolution[groups.Count];
        void Go(int k)
        {
            if (k == groups.Count)
            {
                if (!Feasible(pick, c))
                {
                    return;
                }
                var resolved = pick.Count(p => p.Kind != ResolutionKind.Keep);
                var cost = Math.Round(pick.Sum(p => p.Score.Cost), 6);
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
