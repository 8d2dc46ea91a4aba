using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Sources;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace Boundaries.Viewer.Zoom;

/// <summary>
/// The divisions of one snapshot simplified for a zoom level, level by level, so the web map loads a few hundred
/// thousand bytes instead of the whole city: each level is handed to NTS <see cref="CoverageSimplifier"/> as one
/// coverage, which simplifies every edge between two divisions once, so neighbours keep one shared edge and no gap or
/// overlap opens. Versions: the divisions in force last (valid_to empty) form one coverage; those that ended on a day
/// D are simplified together with everything in force the day before D, so each state the date slider shows was one
/// coverage. Each zoom is simplified from the next finer one (zoom 14 from the stored geometry), so the whole pyramid
/// costs about one and a half passes over the stored vertices instead of one per zoom; every step keeps within half a
/// pixel of its own zoom, so a zoom's drawing is within one pixel of the stored boundary. Computed once per snapshot,
/// level and zoom (the first request waits; <see cref="Warm"/> builds the pyramid ahead), and dropped with the snapshot.
/// </summary>
internal sealed class ZoomGeometry
{
    private static readonly ConditionalWeakTable<BoundarySnapshot, ZoomGeometry> Built = [];

    private readonly BoundarySnapshot _snapshot;
    private readonly ConcurrentDictionary<(DivisionLevel Level, int Zoom), Lazy<Task<Geometry[]>>> _levels = new();

    private ZoomGeometry(BoundarySnapshot snapshot) => _snapshot = snapshot;

    public static ZoomGeometry For(BoundarySnapshot snapshot) => Built.GetValue(snapshot, s => new ZoomGeometry(s));

    /// <summary>
    /// Per division of <paramref name="level"/> (in <see cref="BoundarySnapshot.Levels"/> order) its geometry for
    /// <paramref name="zoom"/>; the stored geometry itself from <see cref="ZoomLevels.FullPrecision"/> on.
    /// </summary>
    public Task<Geometry[]> LevelAsync(DivisionLevel level, int zoom)
    {
        var features = _snapshot.Levels[level];
        if (zoom >= ZoomLevels.FullPrecision)
        {
            return Task.FromResult(features.Select(f => f.Division.Geometry).ToArray());
        }
        return _levels.GetOrAdd((level, zoom), key => new Lazy<Task<Geometry[]>>(async () =>
        {
            var finer = await LevelAsync(key.Level, key.Zoom + 1).ConfigureAwait(false);
            return await Task.Run(() => Simplify(features, finer, ZoomLevels.Tolerance(key.Zoom))).ConfigureAwait(false);
        })).Value;
    }

    /// <summary>Builds every level's pyramid, zoom 14 down to 0, on a background thread; completes when all are built.</summary>
    public Task Warm() => Task.Run(async () =>
    {
        foreach (var level in _snapshot.Levels.Keys.OrderBy(l => l))
        {
            try
            {
                await LevelAsync(level, 0).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // the request that needs this level gets the same failure as an error answer
            }
        }
    });

    /// <summary>Simplifies <paramref name="input"/> (one geometry per feature, same order) state by state.</summary>
    internal static Geometry[] Simplify(ImmutableArray<LevelFeature> features, Geometry[] input, double tolerance)
    {
        var result = new Geometry[features.Length];
        // one coverage per state: what is in force last, and what was in force the day before each end date
        foreach (var group in Enumerable.Range(0, features.Length).GroupBy(i => features[i].Division.ValidTo))
        {
            var members = group.Key is not { } end
                ? [.. group]
                : Enumerable.Range(0, features.Length).Where(i => InForce(features[i].Division, end.AddDays(-1))).ToArray();
            var simplified = SimplifyCoverage(members.Select(i => input[i]).ToArray(), tolerance);
            for (var k = 0; k < members.Length; k++)
            {
                if (features[members[k]].Division.ValidTo == group.Key)
                {
                    result[members[k]] = simplified[k];
                }
            }
        }
        // a version in force on no day at all (it ends where it starts) is drawn as stored
        for (var i = 0; i < result.Length; i++)
        {
            result[i] ??= input[i];
        }
        return result;
    }

    private static bool InForce(Division d, DateOnly day) => (d.ValidFrom is not { } from || from <= day) && (d.ValidTo is not { } to || to > day);

    private static Geometry[] SimplifyCoverage(Geometry[] coverage, double tolerance)
    {
        Geometry[] simplified;
        try
        {
            simplified = CoverageSimplifier.Simplify(coverage, tolerance);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or TopologyException)
        {
            // not a clean coverage (a dirty file being checked): each division on its own, shape kept
            simplified = coverage.Select(g => TopologyPreservingSimplifier.Simplify(g, tolerance)).ToArray();
        }
        // a division too small to keep a ring at this zoom is drawn as at the finer one
        return simplified.Select((g, i) => g is null || g.IsEmpty ? coverage[i] : g).ToArray();
    }
}
