using NetTopologySuite.Algorithm;

namespace Boundaries.Geo.Subdivide;

/// <summary>
/// Splits a polygon by an axis-parallel line u = c into the pieces on its low side and on its high side.
/// The line is placed halfway between the two vertex coordinates nearest the middle of the shell's extent, so no vertex
/// lies on it and every edge either crosses it or stays on one side. Along the line the polygon's inside is the run of
/// intervals between consecutive crossings (1st–2nd, 3rd–4th, …) taken in order along the line; each side's rings are
/// its chains of the original rings joined through those intervals. Holes that do not cross the line go to the new
/// shell around them. Every original vertex is copied bit for bit; the only new points are the crossings.
/// </summary>
internal static class AxisCut
{
    private readonly record struct Crossing(double V, int Ring, int Edge, bool LeavesLow);

    /// <summary>
    /// The pieces below and above a line across <paramref name="alongX"/> (x = c when true, y = c otherwise), or null
    /// when no such line can be placed or the crossings do not alternate along it (an invalid ring, or two crossings
    /// too close to order).
    /// </summary>
    public static (List<CutPiece> Low, List<CutPiece> High)? TrySplit(CutPiece piece, bool alongX)
    {
        var u = alongX ? 0 : 1;
        var v = 1 - u;
        if (CutValue(piece, u) is not { } c)
        {
            return null;
        }
        var crossings = new List<Crossing>();
        var firstOfRing = new int[piece.Rings.Count + 1];
        for (var r = 0; r < piece.Rings.Count; r++)
        {
            firstOfRing[r] = crossings.Count;
            var ring = piece.Rings[r];
            for (var i = 0; i + 3 < ring.Length; i += 2)
            {
                double ua = ring[i + u], ub = ring[i + 2 + u];
                if (ua < c == ub < c)
                {
                    continue;
                }
                double va = ring[i + v], vb = ring[i + 2 + v];
                var at = OutsideCrossing(ring, i, u, c);
                if (double.IsNaN(at))
                {
                    return null;
                }
                crossings.Add(new Crossing(at, r, i / 2, ua < c));
            }
        }
        firstOfRing[piece.Rings.Count] = crossings.Count;
        for (var r = 0; r < piece.Rings.Count; r++)
        {
            if ((firstOfRing[r + 1] - firstOfRing[r]) % 2 != 0)
            {
                return null;
            }
        }
        if (crossings.Count == 0)
        {
            return null;
        }
        // Order along the line; consecutive pairs bound the inside. Each pair must join a ring leaving the low side
        // with one entering it, and no two crossings may coincide.
        var order = new int[crossings.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) => crossings[a].V.CompareTo(crossings[b].V));
        var partner = new int[crossings.Count];
        for (var p = 0; p < order.Length; p += 2)
        {
            Crossing a = crossings[order[p]], b = crossings[order[p + 1]];
            if (a.LeavesLow == b.LeavesLow || !(a.V < b.V) || (p + 2 < order.Length && !(b.V < crossings[order[p + 2]].V)))
            {
                return null;
            }
            partner[order[p]] = order[p + 1];
            partner[order[p + 1]] = order[p];
        }
        var low = Side(piece, crossings, firstOfRing, partner, u, c, low: true);
        var high = Side(piece, crossings, firstOfRing, partner, u, c, low: false);
        return low is null || high is null ? null : (low, high);
    }

    /// <summary>
    /// Where the edge from point <paramref name="i"/>/2 to the next crosses u = c, rounded so that the crossing is never
    /// inside the polygon: rings run with the inside on their left (<see cref="CutPiece.From"/>), and the robust
    /// orientation test (NTS, double-double) must put the crossing on the edge or to its right. The two new edges then
    /// enclose the original one, so every point ST_Covers puts in the polygon — on the edge exactly too — stays in a
    /// part; only points within a unit in the last place outside a cut edge can be added. NaN when that fails.
    /// </summary>
    private static double OutsideCrossing(double[] ring, int i, int u, double c)
    {
        var v = 1 - u;
        double ua = ring[i + u], ub = ring[i + 2 + u], va = ring[i + v], vb = ring[i + 2 + v];
        var at = Math.Clamp(va + (c - ua) * (vb - va) / (ub - ua), Math.Min(va, vb), Math.Max(va, vb));
        // Moving the crossing along the line towards lower v turns it right of a→b when the edge runs towards higher x
        // (cut x = c) or towards lower y (cut y = c).
        var down = (u == 0) == (ub > ua);
        for (var step = 0; step < 64; step++)
        {
            var (x, y) = u == 0 ? (c, at) : (at, c);
            if (CGAlgorithmsDD.OrientationIndex(ring[i], ring[i + 1], ring[i + 2], ring[i + 3], x, y) <= 0)
            {
                return at;
            }
            at = down ? Math.BitDecrement(at) : Math.BitIncrement(at);
        }
        return double.NaN;
    }

    /// <summary>Halfway between the nearest vertex coordinates on either side of the middle of the shell's extent.</summary>
    private static double? CutValue(CutPiece piece, int u)
    {
        var box = piece.Bounds();
        var middle = u == 0 ? (box.MinX + box.MaxX) / 2 : (box.MinY + box.MaxY) / 2;
        double below = double.NegativeInfinity, above = double.PositiveInfinity;
        foreach (var ring in piece.Rings)
        {
            for (var i = u; i < ring.Length; i += 2)
            {
                var x = ring[i];
                if (x <= middle)
                {
                    below = Math.Max(below, x);
                }
                else
                {
                    above = Math.Min(above, x);
                }
            }
        }
        if (double.IsInfinity(below) || double.IsInfinity(above))
        {
            return null;
        }
        var c = below + (above - below) / 2;
        return below < c && c < above ? c : null;
    }

    /// <summary>The pieces on one side: rings joined from chains and the line, plus the holes wholly on this side.</summary>
    private static List<CutPiece>? Side(CutPiece piece, List<Crossing> crossings, int[] firstOfRing, int[] partner, int u, double c, bool low)
    {
        var shells = new List<double[]>();
        var used = new bool[crossings.Count];
        for (var start = 0; start < crossings.Count; start++)
        {
            // A chain of this side begins where its ring enters the side.
            if (used[start] || crossings[start].LeavesLow == low)
            {
                continue;
            }
            // First the size of the joined ring (chains and closing point), then its points into one array.
            var points = 1;
            var k = start;
            do
            {
                if (used[k])
                {
                    return null;
                }
                used[k] = true;
                var end = NextInRing(k, crossings, firstOfRing);
                points += 2 + ChainVertices(piece.Rings[crossings[k].Ring], crossings[k], crossings[end]);
                k = partner[end];
                if (crossings[k].LeavesLow == low)
                {
                    return null;
                }
            }
            while (k != start);
            var ring = new double[2 * points];
            var at = 0;
            do
            {
                var end = NextInRing(k, crossings, firstOfRing);
                at = AppendChain(ring, at, piece.Rings[crossings[k].Ring], crossings[k], crossings[end], u, c);
                k = partner[end];
            }
            while (k != start);
            AppendPoint(ring, at, crossings[start].V, u, c);
            shells.Add(ring);
        }
        var pieces = new List<List<double[]>>(shells.Count);
        foreach (var shell in shells)
        {
            pieces.Add([shell]);
        }
        for (var r = 1; r < piece.Rings.Count; r++)
        {
            var hole = piece.Rings[r];
            if (firstOfRing[r] != firstOfRing[r + 1] || (hole[u] < c) != low)
            {
                continue;
            }
            var owner = pieces.Count == 1 ? 0 : OwnerOf(hole, pieces);
            if (owner < 0)
            {
                return null;
            }
            pieces[owner].Add(hole);
        }
        return pieces.ConvertAll(rings => new CutPiece(rings));
    }

    private static int NextInRing(int k, List<Crossing> crossings, int[] firstOfRing)
    {
        var ring = crossings[k].Ring;
        return k + 1 < firstOfRing[ring + 1] ? k + 1 : firstOfRing[ring];
    }

    /// <summary>How many of the ring's vertices lie between the crossing edges <paramref name="from"/> and <paramref name="to"/>.</summary>
    private static int ChainVertices(double[] ring, Crossing from, Crossing to)
    {
        var distinct = ring.Length / 2 - 1;
        return (to.Edge - from.Edge + distinct) % distinct;
    }

    /// <summary>
    /// Writes at <paramref name="at"/> the crossing point of <paramref name="from"/>, the ring's vertices up to the edge of
    /// <paramref name="to"/>, and that crossing point; returns the next free position.
    /// </summary>
    private static int AppendChain(double[] output, int at, double[] ring, Crossing from, Crossing to, int u, double c)
    {
        at = AppendPoint(output, at, from.V, u, c);
        var distinct = ring.Length / 2 - 1;
        var t = (from.Edge + 1) % distinct;
        for (var n = ChainVertices(ring, from, to); n > 0; n--)
        {
            output[at++] = ring[2 * t];
            output[at++] = ring[2 * t + 1];
            t = t + 1 == distinct ? 0 : t + 1;
        }
        return AppendPoint(output, at, to.V, u, c);
    }

    private static int AppendPoint(double[] output, int at, double alongLine, int u, double c)
    {
        output[at] = u == 0 ? c : alongLine;
        output[at + 1] = u == 0 ? alongLine : c;
        return at + 2;
    }

    /// <summary>The new shell that holds the hole: the midpoint of its first edge, tested by ray crossing.</summary>
    private static int OwnerOf(double[] hole, List<List<double[]>> pieces)
    {
        double x = (hole[0] + hole[2]) / 2, y = (hole[1] + hole[3]) / 2;
        for (var p = 0; p < pieces.Count; p++)
        {
            if (Contains(pieces[p][0], x, y))
            {
                return p;
            }
        }
        return -1;
    }

    private static bool Contains(double[] ring, double x, double y)
    {
        var inside = false;
        for (var i = 0; i + 3 < ring.Length; i += 2)
        {
            double x1 = ring[i], y1 = ring[i + 1], x2 = ring[i + 2], y2 = ring[i + 3];
            if ((y1 > y) != (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1))
            {
                inside = !inside;
            }
        }
        return inside;
    }
}
