using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Synthesis;

/// <summary>
/// Makes a lattice chain irregular, once, so both neighbours use the same vertices: two rounds of Chaikin corner
/// cutting (ends fixed), then fractal midpoint displacement (offset ∝ segment length, seeded by the chain id)
/// until every segment is shorter than the target spacing; coordinates are rounded to 1 mm.
/// </summary>
internal static class ChainShaper
{
    /// <summary>Displacement of a midpoint as a fraction of its segment's length, before <see cref="Chain.Roughness"/>.</summary>
    private const double Amplitude = 0.2;

    public static void Shape(Chain chain, Lattice l, double spacingMeters, long seed)
    {
        var pts = new List<(double X, double Y)>(chain.Path.Count);
        foreach (var (i, j) in chain.Path)
        {
            pts.Add((l.X0 + i * l.S, l.Y0 + j * l.S));
        }
        for (var round = 0; round < 2; round++)
        {
            pts = chain.Closed ? ChaikinClosed(pts) : ChaikinOpen(pts);
        }
        var rng = Rng.For(seed, 7, chain.Id);
        var outPts = new List<Coordinate>(pts.Count * 8) { Round(pts[0]) };
        for (var k = 0; k + 1 < pts.Count; k++)
        {
            Subdivide(pts[k], pts[k + 1], outPts, rng, spacingMeters, Amplitude * chain.Roughness, 0);
            outPts.Add(Round(pts[k + 1]));
        }
        chain.Shape = [.. outPts];
    }

    private static void Subdivide((double X, double Y) p, (double X, double Y) q, List<Coordinate> output, Rng rng,
        double spacing, double amplitude, int depth)
    {
        var dx = q.X - p.X;
        var dy = q.Y - p.Y;
        var len = Math.Sqrt(dx * dx + dy * dy);
        // draw even when not subdividing so the stream does not depend on roughness
        var u = rng.NextSigned();
        if (len <= spacing || depth > 12)
        {
            return;
        }
        var m = ((p.X + q.X) / 2 - dy * amplitude * u, (p.Y + q.Y) / 2 + dx * amplitude * u);
        Subdivide(p, m, output, rng, spacing, amplitude * 0.85, depth + 1);
        output.Add(Round(m));
        Subdivide(m, q, output, rng, spacing, amplitude * 0.85, depth + 1);
    }

    private static List<(double X, double Y)> ChaikinOpen(List<(double X, double Y)> pts)
    {
        if (pts.Count < 3)
        {
            return pts;
        }
        var r = new List<(double, double)>(pts.Count * 2) { pts[0] };
        for (var k = 0; k + 1 < pts.Count; k++)
        {
            var (a, b) = (pts[k], pts[k + 1]);
            if (k > 0)
            {
                r.Add((0.75 * a.X + 0.25 * b.X, 0.75 * a.Y + 0.25 * b.Y));
            }
            if (k + 2 < pts.Count)
            {
                r.Add((0.25 * a.X + 0.75 * b.X, 0.25 * a.Y + 0.75 * b.Y));
            }
        }
        r.Add(pts[^1]);
        return r;
    }

    private static List<(double X, double Y)> ChaikinClosed(List<(double X, double Y)> pts)
    {
        // pts is closed (first == last)
        var r = new List<(double, double)>(pts.Count * 2);
        for (var k = 0; k + 1 < pts.Count; k++)
        {
            var (a, b) = (pts[k], pts[k + 1]);
            r.Add((0.75 * a.X + 0.25 * b.X, 0.75 * a.Y + 0.25 * b.Y));
            r.Add((0.25 * a.X + 0.75 * b.X, 0.25 * a.Y + 0.75 * b.Y));
        }
        r.Add(r[0]);
        return r;
    }

    private static Coordinate Round((double X, double Y) p) =>
        new(Math.Round(p.X * 1000) / 1000, Math.Round(p.Y * 1000) / 1000);
}
