using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Clean;

/// <summary>
/// Turns the divisions of each coverage (one level under one parent) into an exact tiling of the parent: no gap, no
/// overlap, nothing outside the parent, shared edges with identical vertices. Work is done in the Gauss-Krüger plane on
/// the 1 mm grid, coverage by coverage, top level first (so each coverage is fitted to its parent's cleaned outline):
/// <list type="number">
/// <item>every vertex is put on the grid and invalid polygons are repaired (NTS GeometryFixer);</item>
/// <item>a coverage whose directed ring segments cancel to exactly its parent's boundary is already clean and is left as it was;</item>
/// <item>otherwise the rings of the members with unmatched segments (and of the parent, when its boundary is not
/// matched) are noded by snap rounding and polygonized into faces, and each face is labelled by the members that hold
/// it: none (a gap), one (clean) or several (an overlap); members whose every segment is matched are left as they were;</item>
/// <item>faces outside the parent are removed; overlaps and gaps are given to one division: pieces no wider than
/// <see cref="CleanOptions.SnapToleranceMeters"/> (near-miss edges) or <see cref="CleanOptions.SliverWidthMeters"/>
/// (slivers) by longest shared border, wider ones by <see cref="CleanOptions.Strategy"/>;</item>
/// <item>each member that took part is rebuilt as the union of its faces, which share their edges exactly.</item>
/// </list>
/// Enclaves and exclaves are not defects: a division in several parts stays in several parts.
/// </summary>
/// <remarks>
/// Terms: a <em>gap</em> is a piece of the parent no member holds; an <em>overlap</em> a piece several members hold; a
/// <em>sliver</em> a thin gap or overlap; a <em>near-miss</em> a gap or overlap so thin it is two copies of one shared
/// edge that nearly match. Pipeline after the description of JTS <c>coverage/CoverageCleaner.java</c> (our own code).
/// </remarks>
public static class CoverageCleaner
{
    /// <summary>Cleans every coverage of <paramref name="set"/>; the input is not changed.</summary>
    /// <param name="set">Divisions in any coordinate system the toolkit transforms; best normalized first (see <see cref="Normalize.Normalizer"/>).</param>
    /// <param name="options">Options; <c>null</c> for <see cref="CleanOptions.Default"/>.</param>
    /// <returns>The cleaned set in the input's system and order, with every change logged; an unchanged set and an empty log for clean input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="set"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A tolerance or width is negative, or the grid is not positive.</exception>
    /// <exception cref="ArgumentException">A geometry is not polygonal, or the priority strategy has no list.</exception>
    public static CleanResult Clean(DivisionSet set, CleanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        options ??= CleanOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(options.SnapToleranceMeters);
        ArgumentOutOfRangeException.ThrowIfNegative(options.SliverWidthMeters);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxGapWidthMeters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.GridMeters);
        if (options.Strategy == CleanStrategy.Priority && options.Priority.IsDefaultOrEmpty)
        {
            throw new ArgumentException("the priority strategy needs a list of division codes", nameof(options));
        }
        if (set.Divisions.IsEmpty)
        {
            return new CleanResult(set, [], options.MetricCrs ?? set.Crs, 0);
        }

        var metric = MetricCrsOf(set, options);
        var toMetric = CoordinateTransformer.Create(set.Crs, metric);
        var precision = new PrecisionModel(1.0 / options.GridMeters);
        var factory = new GeometryFactory(precision, metric.Epsg);
        var geometries = set.Divisions.Select(d => set.Crs == metric ? d.Geometry : toMetric.Transform(d.Geometry)).ToArray();
        var context = new CleanContext(options, precision, factory, geometries,
            CoordinateTransformer.Create(metric, set.Crs), CoordinateTransformer.Create(metric, CrsCode.Cgcs2000));

        var output = set.Divisions.ToBuilder();
        var log = ImmutableArray.CreateBuilder<CleanChange>();
        var changed = 0;
        foreach (var (coverage, members) in Coverages(set))
        {
            var parentIndex = ParentOf(set, coverage);
            var job = CoverageJob.Run(context, coverage, members, parentIndex < 0 ? null : geometries[parentIndex]);
            log.AddRange(job.Log);
            if (job.Rebuilt is not { } rebuilt)
            {
                continue;
            }
            changed++;
            for (var m = 0; m < members.Length; m++)
            {
                if (rebuilt[m] is not { } geometry)
                {
                    continue;
                }
                var i = members[m];
                geometries[i] = geometry;
                output[i] = set.Divisions[i] with { Geometry = context.ToInput(geometry) };
            }
        }
        return new CleanResult(set with { Divisions = output.MoveToImmutable() }, log.ToImmutable(), metric, changed);
    }

    private static CrsCode MetricCrsOf(DivisionSet set, CleanOptions options)
    {
        if (options.MetricCrs is { } given)
        {
            return given;
        }
        if (set.Crs.Kind == CrsKind.GaussKruger)
        {
            return set.Crs;
        }
        var toLonLat = CoordinateTransformer.Create(set.Crs, CrsCode.Cgcs2000);
        return GaussKrugerZone.MetricCrsFor(set.Divisions.Select(d => toLonLat.Transform(d.Geometry)));
    }

    /// <summary>Coverages top level first, each with its members' positions in the set.</summary>
    private static IEnumerable<(Coverage Coverage, int[] Members)> Coverages(DivisionSet set) =>
        Enumerable.Range(0, set.Divisions.Length)
            .GroupBy(i => (set.Divisions[i].Level, set.Divisions[i].ParentCode))
            .OrderBy(g => g.Key.Level)
            .Select(g => (new Coverage(g.Key.Level, g.Key.ParentCode, [.. g.Select(i => set.Divisions[i])]), g.ToArray()));

    /// <summary>The position of the coverage's parent: the division with the parent code at the nearest level above; -1 when none.</summary>
    private static int ParentOf(DivisionSet set, Coverage coverage)
    {
        if (coverage.ParentCode is null)
        {
            return -1;
        }
        var best = -1;
        for (var i = 0; i < set.Divisions.Length; i++)
        {
            var d = set.Divisions[i];
            if (d.Code == coverage.ParentCode && d.Level < coverage.Level && (best < 0 || d.Level > set.Divisions[best].Level))
            {
                best = i;
            }
        }
        return best;
    }
}
