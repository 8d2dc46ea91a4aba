namespace Boundaries.Geo.Synthesis;

/// <summary>
/// Seeded 2-D value noise (smoothly interpolated random values on an integer lattice), summed over octaves.
/// Used to warp distances so that nearest-seed regions get irregular, non-convex shapes.
/// </summary>
internal sealed class ValueNoise
{
    private readonly long _seed;

    public ValueNoise(long seed) => _seed = seed;

    /// <summary>Noise in roughly [-1, 1] at (x, y) in lattice units, with <paramref name="octaves"/> octaves.</summary>
    public double Fractal(double x, double y, int octaves)
    {
        double sum = 0, amp = 1, norm = 0, freq = 1;
        for (var o = 0; o < octaves; o++)
        {
            sum += amp * Single(x * freq, y * freq, o);
            norm += amp;
            amp *= 0.5;
            freq *= 2;
        }
        return sum / norm;
    }

    private double Single(double x, double y, int octave)
    {
        var x0 = Math.Floor(x);
        var y0 = Math.Floor(y);
        var ix = (long)x0;
        var iy = (long)y0;
        var fx = Smooth(x - x0);
        var fy = Smooth(y - y0);
        var a = Corner(ix, iy, octave);
        var b = Corner(ix + 1, iy, octave);
        var c = Corner(ix, iy + 1, octave);
        var d = Corner(ix + 1, iy + 1, octave);
        return Lerp(Lerp(a, b, fx), Lerp(c, d, fx), fy);
    }

    private double Corner(long ix, long iy, int octave) =>
        (Rng.Hash(_seed, [ix, iy, octave]) >> 11) * (2.0 / (1UL << 53)) - 1.0;

    private static double Smooth(double t) => t * t * (3 - 2 * t);

    private static double Lerp(double a, double b, double t) => a + (b - a) * t;
}
