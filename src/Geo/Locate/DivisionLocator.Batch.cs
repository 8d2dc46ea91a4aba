using Boundaries.Geo.Crs;

namespace Boundaries.Geo.Locate;

public sealed partial class DivisionLocator
{
    private const int BatchChunk = 16_384;

    /// <summary>
    /// Locates many points at once on all cores (or <paramref name="maxDegreeOfParallelism"/>): point <c>i</c>'s answer
    /// for level <c>l</c> goes to <c>divisionPerLevel[i * Levels.Length + l]</c> (-1 when none covers it), its flags to
    /// <c>flags[i]</c> when <paramref name="flags"/> is not empty. Allocates only the per-call task bookkeeping.
    /// </summary>
    /// <param name="x">Longitudes (or eastings in <paramref name="crs"/>).</param>
    /// <param name="y">Latitudes (or northings), as many as <paramref name="x"/>.</param>
    /// <param name="divisionPerLevel">At least <c>x.Length * Levels.Length</c> slots.</param>
    /// <param name="flags">Empty, or at least <c>x.Length</c> slots.</param>
    /// <param name="at">The date; <c>null</c> = the latest state.</param>
    /// <param name="crs">The points' system; <c>null</c> = CGCS2000 lon/lat.</param>
    /// <param name="maxDegreeOfParallelism">-1 = all cores; 1 = the calling thread only.</param>
    /// <exception cref="ArgumentException">Span lengths disagree, or <paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public unsafe void LocateBatch(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<int> divisionPerLevel,
        Span<LocateFlags> flags = default, DateOnly? at = null, CrsCode? crs = null, int maxDegreeOfParallelism = -1)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x and y differ in length ({x.Length} and {y.Length})", nameof(y));
        }
        var levels = Levels.Length;
        if (divisionPerLevel.Length < (long)x.Length * levels)
        {
            throw new ArgumentException($"needs {(long)x.Length * levels} slots ({levels} per point); got {divisionPerLevel.Length}", nameof(divisionPerLevel));
        }
        if (!flags.IsEmpty && flags.Length < x.Length)
        {
            throw new ArgumentException($"needs {x.Length} slots or none; got {flags.Length}", nameof(flags));
        }
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "use -1 (all cores) or a positive number");
        }
        var snapshot = SnapshotOn(at);
        var transformer = crs is { } c && c != CrsCode.Cgcs2000 ? ToLonLat(c) : null;
        var n = x.Length;
        var chunks = (n + BatchChunk - 1) / BatchChunk;
        fixed (double* px = x, py = y)
        fixed (int* pr = divisionPerLevel)
        fixed (LocateFlags* pf = flags)
        {
            // The spans are pinned for the whole call; workers get their addresses.
            nint ax = (nint)px, ay = (nint)py, ar = (nint)pr, af = (nint)pf;
            var hasFlags = !flags.IsEmpty;
            if (chunks <= 1 || maxDegreeOfParallelism == 1)
            {
                Run(0, n);
            }
            else
            {
                Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
                    k => Run(k * BatchChunk, Math.Min(n, (k + 1) * BatchChunk)));
            }

            void Run(int from, int to)
            {
                var xs = (double*)ax;
                var ys = (double*)ay;
                var result = new Span<int>((int*)ar + (long)from * levels, (to - from) * levels);
                var flagOut = (LocateFlags*)af;
                for (var i = from; i < to; i++)
                {
                    double lon = xs[i], lat = ys[i];
                    if (transformer is not null)
                    {
                        (lon, lat) = transformer.Transform(lon, lat);
                    }
                    var f = LocateIn(snapshot, lon, lat, result.Slice((i - from) * levels, levels));
                    if (hasFlags)
                    {
                        flagOut[i] = f;
                    }
                }
            }
        }
    }
}
