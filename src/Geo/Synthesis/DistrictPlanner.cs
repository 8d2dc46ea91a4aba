namespace Boundaries.Geo.Synthesis;

/// <summary>
/// Groups townships into districts by balanced region growing over township adjacency from spread-out seeds,
/// so every district is contiguous and irregular, then gives the districts Tianjin's codes: the urban ones to the
/// districts nearest the centre, the outer ones from north to south.
/// </summary>
internal static class DistrictPlanner
{
    public static DistrictPlan Plan(Lattice l, SizeProfile p, long seed)
    {
        var n = 0;
        foreach (var a in l.Labels)
        {
            n = Math.Max(n, a + 1);
        }
        var centroids = Centroids(l, n);
        var neighbours = new List<int>[n];
        for (var k = 0; k < n; k++)
        {
            neighbours[k] = [];
        }
        foreach (var (a, b) in l.Adjacency())
        {
            if (a >= 0)
            {
                neighbours[a].Add(b);
                neighbours[b].Add(a);
            }
        }
        var d = p.DistrictCodes.Length;
        var seeds = SpreadSeeds(centroids, d);
        var districtOf = Enumerable.Repeat(-1, n).ToList();
        var sizes = new int[d];
        for (var k = 0; k < d; k++)
        {
            districtOf[seeds[k]] = k;
            sizes[k] = 1;
        }
        var rng = Rng.For(seed, 3);
        var assigned = d;
        while (assigned < n)
        {
            var grew = false;
            foreach (var k in Enumerable.Range(0, d).OrderBy(k => sizes[k]).ThenBy(k => k))
            {
                var frontier = new List<int>();
                for (var t = 0; t < n; t++)
                {
                    if (districtOf[t] == k)
                    {
                        frontier.AddRange(neighbours[t].Where(u => districtOf[u] < 0));
                    }
                }
                if (frontier.Count == 0)
                {
                    continue;
                }
                frontier.Sort();
                var pick = frontier[rng.NextInt(frontier.Count)];
                districtOf[pick] = k;
                sizes[k]++;
                assigned++;
                grew = true;
                break;
            }
            if (!grew)
            {
                throw new InvalidOperationException("township adjacency is not connected");
            }
        }
        return new DistrictPlan
        {
            DistrictOfLabel = districtOf,
            DistrictCodes = CodesFor(seeds, centroids, p, out var urban),
            Urban = urban,
            Centroids = centroids,
        };
    }

    private static List<(double X, double Y)> Centroids(Lattice l, int n)
    {
        var sx = new double[n];
        var sy = new double[n];
        var count = new int[n];
        for (var c = 0; c < l.Labels.Length; c++)
        {
            var a = l.Labels[c];
            if (a >= 0)
            {
                sx[a] += l.CentreX(c % l.Nx);
                sy[a] += l.CentreY(c / l.Nx);
                count[a]++;
            }
        }
        return [.. Enumerable.Range(0, n).Select(k => (sx[k] / count[k], sy[k] / count[k]))];
    }

    /// <summary>Farthest-point sampling, starting from the township nearest the city centre.</summary>
    private static int[] SpreadSeeds(List<(double X, double Y)> c, int d)
    {
        var seeds = new List<int> { ArgMin(c.Count, k => Dist2(c[k], (SizeProfile.CentreEasting, SizeProfile.CentreNorthing))) };
        while (seeds.Count < d)
        {
            seeds.Add(ArgMin(c.Count, k => -seeds.Min(s => Dist2(c[k], c[s]))));
        }
        return [.. seeds];
    }

    private static int[] CodesFor(int[] seeds, List<(double X, double Y)> c, SizeProfile p, out bool[] urban)
    {
        var d = seeds.Length;
        var centre = (SizeProfile.CentreEasting, SizeProfile.CentreNorthing);
        var byCentre = Enumerable.Range(0, d).OrderBy(k => Dist2(c[seeds[k]], centre)).ThenBy(k => k).ToList();
        var codes = new int[d];
        urban = new bool[d];
        for (var r = 0; r < p.UrbanDistricts; r++)
        {
            codes[byCentre[r]] = p.DistrictCodes[r];
            urban[byCentre[r]] = true;
        }
        var outer = byCentre.Skip(p.UrbanDistricts).OrderByDescending(k => c[seeds[k]].Y).ThenBy(k => k).ToList();
        for (var r = 0; r < outer.Count; r++)
        {
            codes[outer[r]] = p.DistrictCodes[p.UrbanDistricts + r];
        }
        return codes;
    }

    private static int ArgMin(int n, Func<int, double> f)
    {
        var best = 0;
        for (var k = 1; k < n; k++)
        {
            if (f(k) < f(best))
            {
                best = k;
            }
        }
        return best;
    }

    private static double Dist2((double X, double Y) a, (double X, double Y) b) =>
        (a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y);
}
