namespace Boundaries.Geo.Synthesis;

/// <summary>
/// A small seeded pseudo-random generator (SplitMix64) so the synthetic city does not depend on how
/// <see cref="Random"/> is implemented in a given runtime: the same seed gives the same city everywhere.
/// </summary>
internal sealed class Rng
{
    private ulong _state;

    public Rng(ulong seed) => _state = seed;

    /// <summary>A generator for a sub-stream named by integers, independent of how many draws others made.</summary>
    public static Rng For(long seed, params ReadOnlySpan<long> keys) => new(Hash(seed, keys));

    public static ulong Hash(long seed, ReadOnlySpan<long> keys)
    {
        var h = Mix((ulong)seed ^ 0x9E3779B97F4A7C15UL);
        foreach (var k in keys)
        {
            h = Mix(h ^ (ulong)k * 0xBF58476D1CE4E5B9UL);
        }
        return h;
    }

    public ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [-1, 1).</summary>
    public double NextSigned() => 2.0 * NextDouble() - 1.0;

    /// <summary>Uniform in [0, n).</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return (int)(NextULong() % (ulong)n);
    }

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
