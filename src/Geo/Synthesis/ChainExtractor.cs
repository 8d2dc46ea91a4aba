namespace Boundaries.Geo.Synthesis;

/// <summary>
/// Finds the boundary between differently-labelled cells as chains of lattice vertices: each chain runs between
/// two nodes (lattice vertices where three or more boundary edges meet), or is a closed loop with no node.
/// Chains are found in row-major vertex order, so their ids are deterministic.
/// </summary>
internal static class ChainExtractor
{
    public static List<Chain> Extract(Lattice l)
    {
        var hUsed = new bool[(l.Nx + 1) * (l.Ny + 1)];
        var vUsed = new bool[(l.Nx + 1) * (l.Ny + 1)];
        var chains = new List<Chain>();
        for (var pass = 0; pass < 2; pass++)
        {
            for (var j = 0; j <= l.Ny; j++)
            {
                for (var i = 0; i <= l.Nx; i++)
                {
                    // pass 0 starts at nodes; pass 1 picks up the closed loops that have none
                    if (pass == 0 ? Degree(l, i, j) < 3 : Degree(l, i, j) != 2)
                    {
                        continue;
                    }
                    foreach (var dir in Directions)
                    {
                        if (IsBoundary(l, i, j, dir) && !Used(i, j, dir))
                        {
                            chains.Add(Walk(i, j, dir, chains.Count));
                        }
                    }
                }
            }
        }
        return chains;

        bool Used(int i, int j, int dir) => dir switch
        {
            0 => hUsed[j * (l.Nx + 1) + i],
            1 => vUsed[j * (l.Nx + 1) + i],
            2 => hUsed[j * (l.Nx + 1) + i - 1],
            _ => vUsed[(j - 1) * (l.Nx + 1) + i],
        };

        void MarkUsed(int i, int j, int dir)
        {
            switch (dir)
            {
                case 0: hUsed[j * (l.Nx + 1) + i] = true; break;
                case 1: vUsed[j * (l.Nx + 1) + i] = true; break;
                case 2: hUsed[j * (l.Nx + 1) + i - 1] = true; break;
                default: vUsed[(j - 1) * (l.Nx + 1) + i] = true; break;
            }
        }

        Chain Walk(int si, int sj, int sdir, int id)
        {
            var (left, right) = Sides(l, si, sj, sdir);
            var path = new List<(int, int)> { (si, sj) };
            int i = si, j = sj, dir = sdir;
            while (true)
            {
                MarkUsed(i, j, dir);
                (i, j) = Step(i, j, dir);
                path.Add((i, j));
                if ((i == si && j == sj) || Degree(l, i, j) >= 3)
                {
                    return new Chain(id, left, right, path, closed: i == si && j == sj && Degree(l, i, j) == 2);
                }
                var back = (dir + 2) % 4;
                var next = -1;
                foreach (var d in Directions)
                {
                    if (d != back && IsBoundary(l, i, j, d))
                    {
                        next = d;
                    }
                }
                dir = next;
            }
        }
    }

    private static readonly int[] Directions = [0, 1, 2, 3];

    private static (int, int) Step(int i, int j, int dir) => dir switch
    {
        0 => (i + 1, j),
        1 => (i, j + 1),
        2 => (i - 1, j),
        _ => (i, j - 1),
    };

    /// <summary>Whether the unit edge leaving vertex (i, j) in direction dir (0 E, 1 N, 2 W, 3 S) separates labels.</summary>
    private static bool IsBoundary(Lattice l, int i, int j, int dir)
    {
        var (a, b) = Sides(l, i, j, dir);
        return a != b;
    }

    /// <summary>Labels left and right of the edge leaving (i, j) in direction dir.</summary>
    private static (int Left, int Right) Sides(Lattice l, int i, int j, int dir) => dir switch
    {
        0 => (l[i, j], l[i, j - 1]),
        1 => (l[i - 1, j], l[i, j]),
        2 => (l[i - 1, j - 1], l[i - 1, j]),
        _ => (l[i, j - 1], l[i - 1, j - 1]),
    };

    private static int Degree(Lattice l, int i, int j)
    {
        var n = 0;
        foreach (var d in Directions)
        {
            n += IsBoundary(l, i, j, d) ? 1 : 0;
        }
        return n;
    }
}
