namespace Boundaries.Geo.Synthesis;

/// <summary>
/// Labels a lattice with townships: an irregular elliptical outline, township seeds spread by rejection
/// sampling, cells given to the nearest seed after a noise warp (so regions are non-convex), then cleaned so
/// every label is one 4-connected region without pinches.
/// </summary>
internal static class LatticeBuilder
{
    public static Lattice Build(SizeProfile p, long seed)
    {
        var nx = (int)Math.Ceiling(2 * p.HalfEastWestMeters * 1.3 / p.CellMeters) + 6;
        var ny = (int)Math.Ceiling(2 * p.HalfNorthSouthMeters * 1.3 / p.CellMeters) + 6;
        var lattice = new Lattice(nx, ny,
            SizeProfile.CentreEasting - nx * p.CellMeters / 2, SizeProfile.CentreNorthing - ny * p.CellMeters / 2, p.CellMeters);
        var inside = Outline(lattice, p, seed);
        var seeds = Seeds(lattice, inside, p, seed);
        Assign(lattice, inside, seeds, p, seed);
        Clean(lattice);
        Compact(lattice);
        return lattice;
    }

    private static bool[] Outline(Lattice l, SizeProfile p, long seed)
    {
        var noise = new ValueNoise(seed * 31 + 1);
        var inside = new bool[l.Labels.Length];
        for (var j = 2; j < l.Ny - 2; j++)
        {
            for (var i = 2; i < l.Nx - 2; i++)
            {
                var u = (l.CentreX(i) - SizeProfile.CentreEasting) / p.HalfEastWestMeters;
                var v = (l.CentreY(j) - SizeProfile.CentreNorthing) / p.HalfNorthSouthMeters;
                var r = Math.Sqrt(u * u + v * v);
                var wobble = 1 + 0.22 * noise.Fractal(2.5 * u + 10, 2.5 * v + 10, 3);
                inside[j * l.Nx + i] = r < wobble;
            }
        }
        return inside;
    }

    private static List<(double X, double Y)> Seeds(Lattice l, bool[] inside, SizeProfile p, long seed)
    {
        var cells = new List<int>();
        for (var c = 0; c < inside.Length; c++)
        {
            if (inside[c])
            {
                cells.Add(c);
            }
        }
        var rng = Rng.For(seed, 2);
        var spacing = Math.Sqrt(cells.Count * l.S * l.S / p.Townships);
        var seeds = new List<(double X, double Y)>();
        for (var minDist = 0.8 * spacing; seeds.Count < p.Townships; minDist *= 0.9)
        {
            for (var tries = 0; tries < 20 * p.Townships && seeds.Count < p.Townships; tries++)
            {
                var c = cells[rng.NextInt(cells.Count)];
                var x = l.CentreX(c % l.Nx) + (rng.NextDouble() - 0.5) * l.S;
                var y = l.CentreY(c / l.Nx) + (rng.NextDouble() - 0.5) * l.S;
                if (seeds.TrueForAll(s => (s.X - x) * (s.X - x) + (s.Y - y) * (s.Y - y) >= minDist * minDist))
                {
                    seeds.Add((x, y));
                }
            }
        }
        return seeds;
    }

    private static void Assign(Lattice l, bool[] inside, List<(double X, double Y)> seeds, SizeProfile p, long seed)
    {
        var nx = new ValueNoise(seed * 31 + 3);
        var ny = new ValueNoise(seed * 31 + 4);
        var spacing = Math.Sqrt(4 * p.HalfEastWestMeters * p.HalfNorthSouthMeters / p.Townships);
        var warp = 0.55 * spacing;
        for (var c = 0; c < inside.Length; c++)
        {
            if (!inside[c])
            {
                continue;
            }
            var x = l.CentreX(c % l.Nx);
            var y = l.CentreY(c / l.Nx);
            var wx = x + warp * nx.Fractal(x / spacing * 1.3, y / spacing * 1.3, 3);
            var wy = y + warp * ny.Fractal(x / spacing * 1.3, y / spacing * 1.3, 3);
            var best = 0;
            var bestD = double.MaxValue;
            for (var s = 0; s < seeds.Count; s++)
            {
                var d = (seeds[s].X - wx) * (seeds[s].X - wx) + (seeds[s].Y - wy) * (seeds[s].Y - wy);
                if (d < bestD)
                {
                    bestD = d;
                    best = s;
                }
            }
            l.Labels[c] = best;
        }
    }

    /// <summary>Keeps the largest component of each label, gives the rest to a neighbour, removes pinches; repeats until stable.</summary>
    internal static void Clean(Lattice l)
    {
        for (var round = 0; round < 1000; round++)
        {
            var changed = false;
            var (compOf, comps) = l.Components();
            var largest = new Dictionary<int, int>();
            for (var k = 0; k < comps.Count; k++)
            {
                if (!largest.TryGetValue(comps[k].Label, out var best) || comps[best].Size < comps[k].Size)
                {
                    largest[comps[k].Label] = k;
                }
            }
            for (var c = 0; c < l.Labels.Length; c++)
            {
                var k = compOf[c];
                if (largest[comps[k].Label] != k)
                {
                    l.Labels[c] = MajorityNeighbour(l, c % l.Nx, c / l.Nx);
                    changed = true;
                }
            }
            while (l.FindPinch(out var i, out var j))
            {
                // give the lower-right cell of the pinch its lower-left neighbour's label
                l[i + 1, j + 1] = l[i, j + 1];
                changed = true;
            }
            if (!changed)
            {
                return;
            }
        }
        throw new InvalidOperationException("lattice cleaning did not converge");
    }

    private static int MajorityNeighbour(Lattice l, int i, int j)
    {
        var own = l[i, j];
        Span<int> n = [l[i - 1, j], l[i + 1, j], l[i, j - 1], l[i, j + 1]];
        var best = own;
        var bestCount = 0;
        foreach (var a in n)
        {
            if (a == own)
            {
                continue;
            }
            var count = 0;
            foreach (var b in n)
            {
                count += b == a ? 1 : 0;
            }
            if (count > bestCount || (count == bestCount && a < best))
            {
                best = a;
                bestCount = count;
            }
        }
        return best;
    }

    private static void Compact(Lattice l)
    {
        var used = new SortedSet<int>();
        foreach (var a in l.Labels)
        {
            if (a >= 0)
            {
                used.Add(a);
            }
        }
        var map = new Dictionary<int, int>();
        foreach (var a in used)
        {
            map[a] = map.Count;
        }
        for (var c = 0; c < l.Labels.Length; c++)
        {
            if (l.Labels[c] >= 0)
            {
                l.Labels[c] = map[l.Labels[c]];
            }
        }
    }
}
