using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Synthesis;

/// <summary>
/// Breaks the finished township coverage on purpose, only where the manifest says: moves one side's copy of a
/// stretch of shared edge (gap, overlap, sliver, near-miss, outside parent), puts a bow-tie in a ring, and damages
/// codes and names. Geometry is edited vertex by vertex (no overlay), so nothing else moves. Each defect uses
/// townships no other injection touched where possible.
/// </summary>
internal static partial class DefectInjector
{
    public static List<Division> Inject(List<Division> townships, List<Chain> chains, DistrictPlan plan, DirtyOptions dirty,
        long seed, List<InjectedDefect> defects, ISet<string> reserved, ISet<string> owners)
    {
        var result = townships.ToList();
        var index = new Dictionary<string, int>();
        for (var k = 0; k < result.Count; k++)
        {
            index[result[k].Code] = k;
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        var rng = Rng.For(seed, 13);
        var order = Enumerable.Range(0, chains.Count).ToList();
        rng.Shuffle(order);
        var ctx = new EdgeContext(result, index, chains, order, plan, used, reserved, owners);

        if (dirty.Gap)
        {
            ctx.Displace(DefectClasses.Gap, sameDistrict: true, halfRunMeters: 150, meters: -40, defects);
        }
        if (dirty.Overlap)
        {
            ctx.Displace(DefectClasses.Overlap, sameDistrict: true, halfRunMeters: 150, meters: 40, defects);
        }
        if (dirty.Sliver)
        {
            ctx.Displace(DefectClasses.Sliver, sameDistrict: true, halfRunMeters: 500, meters: 1.0, defects);
        }
        if (dirty.NearMiss)
        {
            ctx.Displace(DefectClasses.NearMiss, sameDistrict: true, halfRunMeters: 300, meters: rng.NextDouble() < 0.5 ? 0.2 : -0.2, defects);
        }
        if (dirty.OutsideParent)
        {
            ctx.Displace(DefectClasses.OutsideParent, sameDistrict: false, halfRunMeters: 300, meters: 150, defects);
        }
        if (dirty.SelfIntersection)
        {
            ctx.BowTie(defects);
        }
        var spare = new Queue<int>(Enumerable.Range(0, result.Count).Where(k => !used.Contains(result[k].Code) && !reserved.Contains(result[k].Code))
            .OrderBy(_ => rng.NextULong()));
        if (dirty.DuplicateCode && spare.Count >= 2)
        {
            var a = result[spare.Dequeue()];
            var bIndex = spare.Dequeue();
            var b = result[bIndex];
            result[bIndex] = b with { Code = a.Code };
            defects.Add(new InjectedDefect(DefectClasses.DuplicateCode, [a.Code, b.Code], Interior(b),
                Note: $"{b.Name} (was {b.Code}) now carries the code of {a.Name}"));
        }
        if (dirty.MalformedCode && spare.Count >= 1)
        {
            var k = spare.Dequeue();
            var c = result[k];
            var bad = c.Code[..5] + "X" + c.Code[6..];
            result[k] = c with { Code = bad };
            defects.Add(new InjectedDefect(DefectClasses.MalformedCode, [bad, c.Code], Interior(c),
                Note: $"{c.Name}: code {c.Code} written as {bad}"));
        }
        if (dirty.EmptyName && spare.Count >= 1)
        {
            var k = spare.Dequeue();
            var c = result[k];
            result[k] = c with { Name = "" };
            defects.Add(new InjectedDefect(DefectClasses.EmptyName, [c.Code], Interior(c), Note: $"name {c.Name} removed"));
        }
        return result;
    }

    private static string Interior(Division d) => d.Geometry.InteriorPoint.AsText();

    /// <summary>Bookkeeping for the edge edits: which townships are taken and which chains to try, in seeded order.</summary>
    private sealed partial class EdgeContext(
        List<Division> townships, Dictionary<string, int> index, List<Chain> chains, List<int> order, DistrictPlan plan, HashSet<string> used,
        ISet<string> reserved, ISet<string> owners)
    {
        /// <summary>
        /// Chains between two townships no edit has taken, in seeded order: first those no painting touched, then
        /// those whose townships only host a painted piece (the piece's own chain is never chosen).
        /// </summary>
        private IEnumerable<(Chain Chain, int A, int B)> Candidates(bool sameDistrict)
        {
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var k in order)
                {
                    var c = chains[k];
                    if (c.Left < 0 || c.Right < 0 || c.Closed || c.Shape.Length < 12
                        || (plan.DistrictOf(c.Left) == plan.DistrictOf(c.Right)) != sameDistrict)
                    {
                        continue;
                    }
                    var a = plan.Codes[c.Left];
                    var b = plan.Codes[c.Right];
                    var blocked = pass == 0 ? reserved : owners;
                    if (used.Contains(a) || used.Contains(b) || blocked.Contains(a) || blocked.Contains(b))
                    {
                        continue;
                    }
                    yield return (c, index[a], index[b]);
                }
            }
        }

        private void Take(params Division[] divisions)
        {
            foreach (var d in divisions)
            {
                used.Add(d.Code);
            }
        }
    }
}
