using System.Runtime.CompilerServices;
using Boundaries.Geo.Crs;

namespace Boundaries.Geo.Locate;

public sealed partial class DivisionLocator
{
    /// <summary>The most divisions one level can answer for one point (the candidate span needs this many per level at worst).</summary>
    public const int MaxCandidatesPerLevel = Candidates.Capacity;

    /// <summary>
    /// The detailed answer of <see cref="Locate(double, double, LocateQueryOptions?)"/> without allocating: per level
    /// the chosen division, the covering candidates (smallest code first, then index), the on-boundary flag and, when
    /// <paramref name="wantDistance"/>, the distance to the nearest boundary line.
    /// </summary>
    /// <param name="lon">CGCS2000 longitude (convert first with <see cref="ToCgcs2000"/>).</param>
    /// <param name="lat">CGCS2000 latitude.</param>
    /// <param name="at">The day; <c>null</c> = the latest state.</param>
    /// <param name="wantDistance">Compute distances (also needed for a σ ambiguity flag).</param>
    /// <param name="levels">At least <c>Levels.Length</c> slots.</param>
    /// <param name="candidates">Room for every level's candidates (<c>Levels.Length × MaxCandidatesPerLevel</c> is always enough).</param>
    /// <exception cref="ArgumentException">A span is too short.</exception>
    [SkipLocalsInit]
    public void LocateDetailed(double lon, double lat, DateOnly? at, bool wantDistance, Span<LevelHit> levels, Span<int> candidates)
    {
        if (levels.Length < Levels.Length)
        {
            throw new ArgumentException($"needs room for {Levels.Length} levels; got {levels.Length}", nameof(levels));
        }
        var snapshot = SnapshotOn(at);
        Span<int> division = stackalloc int[Candidates.Capacity];
        Span<byte> state = stackalloc byte[Candidates.Capacity];
        var used = 0;
        for (var l = 0; l < Levels.Length; l++)
        {
            var index = snapshot.Levels[l];
            var acc = new Candidates(division, state);
            var best = index.FindCandidates(lon, lat, ref acc);
            if (candidates.Length - used < acc.Count)
            {
                throw new ArgumentException($"no room for {acc.Count} more candidates", nameof(candidates));
            }
            var mine = candidates.Slice(used, acc.Count);
            for (var i = 0; i < acc.Count; i++)
            {
                Insert(mine, i, acc[i]);
            }
            var distance = double.NaN;
            if (wantDistance && _distance.TryGetValue(index, out var lazy))
            {
                distance = acc.OnBoundary ? 0 : lazy.Value.DistanceMeters(lon, lat) ?? double.NaN;
            }
            levels[l] = new LevelHit(best, used, acc.Count, acc.OnBoundary, distance);
            used += acc.Count;
        }
    }

    /// <summary>Converts a point in <paramref name="crs"/> to CGCS2000 lon/lat (as the locate methods do).</summary>
    public (double Lon, double Lat) ToCgcs2000(double x, double y, CrsCode crs) =>
        crs == CrsCode.Cgcs2000 ? (x, y) : ToLonLat(crs).Transform(x, y);

    /// <summary>Insertion step keeping <paramref name="sorted"/>[0..count] in code order, then index order.</summary>
    private void Insert(Span<int> sorted, int count, int division)
    {
        var code = Divisions[division].Code;
        var j = count;
        while (j > 0)
        {
            var other = sorted[j - 1];
            var c = string.CompareOrdinal(Divisions[other].Code, code);
            if (c < 0 || (c == 0 && other < division))
            {
                break;
            }
            sorted[j] = other;
            j--;
        }
        sorted[j] = division;
    }
}
