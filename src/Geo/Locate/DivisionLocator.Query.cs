using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Boundaries.Geo.Crs;

namespace Boundaries.Geo.Locate;

public sealed partial class DivisionLocator
{
    /// <summary>
    /// The fast path: writes, for each of <see cref="Levels"/>, the index in <see cref="Divisions"/> of the division
    /// covering the CGCS2000 point (-1 when none does), in the latest state. Allocates nothing.
    /// </summary>
    /// <param name="lon">Longitude, degrees (EPSG:4490).</param>
    /// <param name="lat">Latitude, degrees.</param>
    /// <param name="divisionPerLevel">At least <c>Levels.Length</c> slots.</param>
    /// <returns>Whether the point was on a boundary or had several candidates at some level.</returns>
    /// <exception cref="ArgumentException"><paramref name="divisionPerLevel"/> is too short.</exception>
    public LocateFlags Locate(double lon, double lat, Span<int> divisionPerLevel)
    {
        CheckOutput(divisionPerLevel, nameof(divisionPerLevel));
        return LocateIn(_snapshots[^1], lon, lat, divisionPerLevel);
    }

    /// <summary>As <see cref="Locate(double, double, Span{int})"/>, with the divisions in force on <paramref name="at"/>.</summary>
    public LocateFlags Locate(double lon, double lat, DateOnly at, Span<int> divisionPerLevel)
    {
        CheckOutput(divisionPerLevel, nameof(divisionPerLevel));
        return LocateIn(SnapshotOn(at), lon, lat, divisionPerLevel);
    }

    /// <summary>
    /// As <see cref="Locate(double, double, Span{int})"/> for a point in <paramref name="crs"/> (converted to CGCS2000
    /// first; GCJ-02 and BD-09 with the iterative inverse), on <paramref name="at"/> (<c>null</c> = latest).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="crs"/> is <c>default</c>, or the span is too short.</exception>
    public LocateFlags Locate(double x, double y, CrsCode crs, DateOnly? at, Span<int> divisionPerLevel)
    {
        CheckOutput(divisionPerLevel, nameof(divisionPerLevel));
        var (lon, lat) = crs == CrsCode.Cgcs2000 ? (x, y) : ToLonLat(crs).Transform(x, y);
        return LocateIn(SnapshotOn(at), lon, lat, divisionPerLevel);
    }

    /// <summary>
    /// The detailed answer for one point: per level the chosen division, every candidate, the on-boundary flag and,
    /// when asked, the distance to the nearest boundary line and the σ ambiguity flag. Allocates its result.
    /// </summary>
    /// <param name="x">Longitude or easting in <see cref="LocateQueryOptions.Crs"/>.</param>
    /// <param name="y">Latitude or northing.</param>
    /// <param name="query"><c>null</c> = <see cref="LocateQueryOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">σ is negative or not finite.</exception>
    [SkipLocalsInit]
    public LocateResult Locate(double x, double y, LocateQueryOptions? query = null)
    {
        query ??= LocateQueryOptions.Default;
        if (query.SigmaMeters is { } s && !(s >= 0 && double.IsFinite(s)))
        {
            throw new ArgumentOutOfRangeException(nameof(query), s, "SigmaMeters must be a finite number ≥ 0");
        }
        var (lon, lat) = query.Crs == CrsCode.Cgcs2000 ? (x, y) : ToLonLat(query.Crs).Transform(x, y);
        var snapshot = SnapshotOn(query.At);
        var wantDistance = query.IncludeDistance || query.SigmaMeters is not null;
        var answers = ImmutableArray.CreateBuilder<LevelLocation>(Levels.Length);
        Span<int> division = stackalloc int[Candidates.Capacity];
        Span<byte> state = stackalloc byte[Candidates.Capacity];
        for (var l = 0; l < Levels.Length; l++)
        {
            var index = snapshot.Levels[l];
            var acc = new Candidates(division, state);
            var best = index.FindCandidates(lon, lat, ref acc);
            var candidates = new int[acc.Count];
            for (var i = 0; i < acc.Count; i++)
            {
                candidates[i] = acc[i];
            }
            var ordered = candidates.OrderBy(i => Divisions[i].Code, StringComparer.Ordinal).ThenBy(i => i).Select(i => Divisions[i]);
            double? distance = null;
            if (wantDistance && _distance.TryGetValue(index, out var lazy))
            {
                distance = acc.OnBoundary ? 0 : lazy.Value.DistanceMeters(lon, lat);
            }
            var ambiguous = query.SigmaMeters is { } sigma && (acc.OnBoundary || (distance is { } dm && dm <= sigma));
            answers.Add(new LevelLocation(Levels[l], best, best >= 0 ? Divisions[best] : null, [.. ordered],
                acc.OnBoundary, distance, ambiguous));
        }
        return new LocateResult(lon, lat, query.At, answers.MoveToImmutable());
    }

    /// <summary>
    /// Answers the lowest level from its grid, then each level above from the one below through the parent table when
    /// the levels nest exactly and the point is on no boundary below (see <see cref="LevelNesting"/>); otherwise from
    /// the level's own grid.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static LocateFlags LocateIn(LocatorSnapshot snapshot, double lon, double lat, Span<int> divisionPerLevel)
    {
        var levels = snapshot.Levels;
        var parents = snapshot.ParentFromBelow;
        var l = levels.Length - 1;
        if (l < 0)
        {
            return LocateFlags.None;
        }
        var below = levels[l].Locate(lon, lat, out var f);
        divisionPerLevel[l] = below;
        var flags = f;
        for (l--; l >= 0; l--)
        {
            if (f == LocateFlags.None && parents[l] is { } table)
            {
                below = below >= 0 ? table[below] : -1;
            }
            else
            {
                below = levels[l].Locate(lon, lat, out f);
                flags |= f;
            }
            divisionPerLevel[l] = below;
        }
        return flags;
    }
}
