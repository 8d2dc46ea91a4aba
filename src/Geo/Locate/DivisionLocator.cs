using System.Collections.Concurrent;
using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Locate;

/// <summary>
/// An in-memory index that answers, for a point, the division holding it at every level present (province …
/// community), exactly as NTS <c>Geometry.Covers</c> and PostGIS <c>ST_Covers</c> decide, optionally as on a date.
/// Immutable once built and safe to share across threads.
/// </summary>
/// <remarks>
/// <para><b>Exactness.</b> Each level is a grid of cells that are either inside one division (or none) or crossed by
/// boundary segments; in a crossed cell the point is tested against the segments with the crossing-number rule and
/// the exact orientation predicate NTS uses, so the answer is the one NTS gives on the stored coordinates (geometries
/// are read in CGCS2000 lon/lat as given, never simplified).</para>
/// <para><b>Tie rule.</b> A point exactly on a boundary is covered by every division whose boundary holds it (two on a
/// shared edge, three or more at a tri-junction). The answer is then the candidate with the smallest code
/// (ordinal string order; for equal codes, the earlier input), the point is flagged
/// <see cref="LocateFlags.OnBoundary"/>, and the detailed answer lists every candidate. Overlapping divisions (bad
/// data) are resolved by the same rule and flagged <see cref="LocateFlags.MultipleCandidates"/>.</para>
/// <para><b>Dates.</b> The locator holds every version: the days on which some division begins
/// (<see cref="Division.ValidFrom"/>) or ends (<see cref="Division.ValidTo"/>, exclusive) cut time into intervals, and
/// each interval has its own index (shared between intervals where a level does not change). Without a date the
/// answer is for the latest interval: divisions without an end that have begun by the last change.</para>
/// <para>Levels are answered independently; the chain is consistent when the data's parents tile.</para>
/// </remarks>
public sealed partial class DivisionLocator
{
    private readonly LocatorSnapshot[] _snapshots;
    private readonly ConcurrentDictionary<CrsCode, CoordinateTransformer> _toLonLat = new();
    private readonly Dictionary<LevelIndex, Lazy<BoundaryDistanceIndex>> _distance;

    private DivisionLocator(ImmutableArray<Division> divisions, ImmutableArray<DivisionLevel> levels,
        LocatorSnapshot[] snapshots, CrsCode? metricCrs)
    {
        Divisions = divisions;
        Levels = levels;
        _snapshots = snapshots;
        MetricCrs = metricCrs;
        VersionDates = [.. snapshots.Where(s => s.From is not null).Select(s => s.From!.Value)];
        _distance = [];
        if (metricCrs is { } metric)
        {
            var toMetric = CoordinateTransformer.Create(CrsCode.Cgcs2000, metric);
            foreach (var index in snapshots.SelectMany(s => s.Levels).Distinct())
            {
                _distance[index] = new Lazy<BoundaryDistanceIndex>(() => new BoundaryDistanceIndex(index.Edges, toMetric));
            }
        }
    }

    /// <summary>Every division the locator was built from, in input order; answers index into this list.</summary>
    public ImmutableArray<Division> Divisions { get; }

    /// <summary>The levels present, top down; answers hold one entry per level in this order.</summary>
    public ImmutableArray<DivisionLevel> Levels { get; }

    /// <summary>The days on which the divisions change (a division begins or ends), ascending; empty when undated.</summary>
    public ImmutableArray<DateOnly> VersionDates { get; }

    /// <summary>The Gauss-Krüger system distances are measured in (the 3-degree zone of the data); <c>null</c> when there is no geometry.</summary>
    public CrsCode? MetricCrs { get; }

    /// <summary>
    /// Builds the index over <paramref name="divisions"/>, whose geometries are polygons or multipolygons in CGCS2000
    /// lon/lat (EPSG:4490; WGS84 is taken as the same). The geometries are read, never changed.
    /// </summary>
    /// <param name="divisions">The divisions of every level and every date.</param>
    /// <param name="options">Grid sizing; <c>null</c> = <see cref="LocatorOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="divisions"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">A geometry is not polygonal, or a division ends before it begins.</exception>
    public static DivisionLocator Build(IEnumerable<Division> divisions, LocatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        options ??= LocatorOptions.Default;
        options.Check();
        var list = divisions.ToImmutableArray();
        for (var i = 0; i < list.Length; i++)
        {
            var d = list[i] ?? throw new ArgumentNullException(nameof(divisions), $"division {i} is null");
            if (d.Geometry is not (Polygon or MultiPolygon))
            {
                throw new ArgumentException($"division {i} ({d.Code}): geometry is {d.Geometry?.GeometryType ?? "null"}, not a polygon or multipolygon", nameof(divisions));
            }
            if (d is { ValidFrom: { } from, ValidTo: { } to } && to <= from)
            {
                throw new ArgumentException($"division {i} ({d.Code}): valid_to {to:yyyy-MM-dd} is not after valid_from {from:yyyy-MM-dd}", nameof(divisions));
            }
        }
        var levels = list.Select(d => d.Level).Distinct().Order().ToImmutableArray();
        var rank = new int[list.Length];
        var order = Enumerable.Range(0, list.Length).OrderBy(i => list[i].Code, StringComparer.Ordinal).ThenBy(i => i).ToArray();
        for (var r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }
        var identity = Enumerable.Range(0, list.Length).ToArray();

        var starts = new List<DateOnly?> { null };
        starts.AddRange(list.SelectMany(d => new[] { d.ValidFrom, d.ValidTo }).OfType<DateOnly>().Distinct().Order().Select(d => (DateOnly?)d));
        var built = new Dictionary<string, LevelIndex>();
        var snapshots = new List<LocatorSnapshot>();
        var nesting = new Dictionary<(LevelIndex, LevelIndex), int[]?>();
        foreach (var start in starts)
        {
            var day = start ?? DateOnly.MinValue;
            var perLevel = new LevelIndex[levels.Length];
            var memberLists = new List<int>[levels.Length];
            for (var l = 0; l < levels.Length; l++)
            {
                var members = Enumerable.Range(0, list.Length).Where(i => list[i].Level == levels[l] && list[i].IsValidOn(day)).ToList();
                memberLists[l] = members;
                var key = string.Join(',', members);
                if (!built.TryGetValue(key, out var index))
                {
                    var edges = LevelEdges.Collect([.. members.Select(i => (i, list[i].Geometry))]);
                    index = LevelIndex.Build(edges, list.Length, rank, identity, options);
                    built.Add(key, index);
                }
                perLevel[l] = index;
            }
            var parents = new int[]?[levels.Length];
            for (var l = 0; l + 1 < levels.Length; l++)
            {
                var pair = (perLevel[l], perLevel[l + 1]);
                if (!nesting.TryGetValue(pair, out var table))
                {
                    table = LevelNesting.ParentTable(list, memberLists[l], perLevel[l].Edges, memberLists[l + 1], perLevel[l + 1].Edges);
                    nesting.Add(pair, table);
                }
                parents[l] = table;
            }
            snapshots.Add(new LocatorSnapshot(start, perLevel, parents));
        }
        var nonEmpty = list.Select(d => d.Geometry).Where(g => !g.IsEmpty).ToList();
        CrsCode? metric = nonEmpty.Count > 0 ? GaussKrugerZone.MetricCrsFor(nonEmpty) : null;
        return new DivisionLocator(list, levels, [.. snapshots], metric);
    }

    /// <summary>The parent tables of the latest state (tests: whether the chain shortcut is in use).</summary>
    internal int[]?[] LatestParentTables => _snapshots[^1].ParentFromBelow;

    private LocatorSnapshot SnapshotOn(DateOnly? at)
    {
        if (at is not { } day)
        {
            return _snapshots[^1];
        }
        // The last interval starting on or before the day (the first starts "since always").
        int lo = 0, hi = _snapshots.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_snapshots[mid].From!.Value <= day)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return _snapshots[lo];
    }

    private CoordinateTransformer ToLonLat(CrsCode crs) =>
        _toLonLat.GetOrAdd(crs, static c => CoordinateTransformer.Create(c, CrsCode.Cgcs2000));

    private void CheckOutput(Span<int> divisionPerLevel, string name)
    {
        if (divisionPerLevel.Length < Levels.Length)
        {
            throw new ArgumentException($"needs room for {Levels.Length} levels; got {divisionPerLevel.Length}", name);
        }
    }
}
