using System.Collections.Immutable;
using Boundaries.Geo.Model;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Boundaries.Geo.Validation;

/// <summary>
/// Checks a set of divisions the way ArcGIS topology rules, QGIS Check Geometries and PostGIS ValidateTopology do:
/// each division's geometry and attributes, each coverage (the divisions of one level under one parent) for gaps,
/// overlaps, slivers and near-miss edges, and the hierarchy between levels. The coverage checks work on the 1 mm
/// grid of the coverage's Gauss-Krüger plane (see <see cref="MetricFrame"/>), where a shared edge is shared exactly,
/// and look at the geometry only around the segments that do not cancel in the segment index.
/// </summary>
public static partial class CoverageChecker
{
    /// <summary>
    /// Checks every division and every coverage of <paramref name="set"/> with <paramref name="rules"/>
    /// (<see cref="ValidationRules.Default"/> when null). The set must be in CGCS2000/WGS84 lon/lat or in
    /// Gauss-Krüger metres. Returns an empty finding list when nothing is wrong; never throws for bad data.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="set"/> is null.</exception>
    /// <exception cref="ArgumentException">The set is in another coordinate system, or a tolerance is negative.</exception>
    public static ValidationReport Check(DivisionSet set, ValidationRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        rules ??= ValidationRules.Default;
        rules.Check();
        var divisions = WithParents(set.Divisions, rules);
        var frames = new MetricFrame?[divisions.Count];
        var findings = new List<Finding>();
        var coverages = Enumerable.Range(0, divisions.Count).GroupBy(i => (divisions[i].Level, divisions[i].ParentCode)).ToList();
        var parents = ParentIndex(divisions);
        var levels = new LevelLookup(divisions, set.Crs);
        foreach (var coverage in coverages)
        {
            var members = coverage.ToList();
            int? parent = coverage.Key.ParentCode is { } pc && parents.TryGetValue((pc, coverage.Key.Level), out var pi) ? pi : null;
            findings.AddRange(CheckCoverage(set.Crs, divisions, members, parent, levels, rules, frames));
        }
        AttributeChecks.Check(divisions, i => LocationOf(divisions[i], frames[i]!), rules, findings);
        var accepted = findings.Where(f => rules.Exceptions.Any(e => e.Matches(f))).ToList();
        var kept = findings.Except(accepted).ToList();
        return new ValidationReport(Sorted(kept), Sorted(accepted), divisions.Count, coverages.Count);
    }

    private static List<Finding> CheckCoverage(Crs.CrsCode crs, IReadOnlyList<Division> divisions, List<int> members, int? parent,
        LevelLookup levels, ValidationRules rules, MetricFrame?[] frames)
    {
        var sources = members.Select(i => divisions[i].Geometry).ToList();
        if (parent is { } p)
        {
            sources.Add(divisions[p].Geometry);
        }
        var frame = MetricFrame.For(crs, sources);
        foreach (var i in members)
        {
            frames[i] = frame;
        }
        var perMember = new List<Finding>[members.Count];
        var metric = new Geometry[members.Count];
        var usable = new Geometry[members.Count];
        var invalidAt = new Coordinate?[members.Count];
        Parallel.For(0, members.Count, k =>
        {
            var d = divisions[members[k]];
            perMember[k] = [];
            metric[k] = frame.ToMetric(d.Geometry, out var collapsed);
            usable[k] = GeometryChecks.Check(d.Code, d.Geometry, metric[k], collapsed, frame, rules, perMember[k], out invalidAt[k]);
        });
        var findings = perMember.SelectMany(f => f).ToList();
        var codes = members.Select(i => divisions[i].Code).ToList();
        GeometryChecks.Duplicates(metric, codes, frame, rules, findings);
        Geometry? parentMetric = null;
        if (parent is { } pi)
        {
            parentMetric = frame.ToMetric(divisions[pi].Geometry, out _);
            if (!parentMetric.IsValid)
            {
                parentMetric = MetricFrame.Reoriented(NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(parentMetric));
            }
        }
        var level = divisions[members[0]].Level;
        var parentCode = divisions[members[0]].ParentCode;
        var memberSet = codes.ToHashSet(StringComparer.Ordinal);
        var input = new CoverageInput(frame, usable, codes, parentMetric, parentCode,
            at => levels.Containing(level, frame.ToSource(at)).Where(c => !memberSet.Contains(c)), invalidAt);
        var pieces = CoverageFaces.Find(input, rules);
        findings.AddRange(pieces);
        if (parent is not null && rules.IsOn(FindingCode.ChildrenDoNotCoverParent))
        {
            var misfits = pieces.Where(f => f.Code is FindingCode.OutsideParent or FindingCode.Gap or FindingCode.GapOpenToOutside
                || (f.Code is FindingCode.Sliver or FindingCode.NearMissEdge && f.Divisions.Contains(parentCode!))).ToList();
            if (misfits.Count > 0)
            {
                var area = misfits.Sum(f => Measure.EllipsoidalMeasure.AreaSquareMeters(f.Location));
                var location = MetricFrame.LonLatFactory.BuildGeometry(misfits.Select(f => f.Location));
                location.SRID = frame.LonLatCrs.Epsg;
                findings.Add(new Finding(FindingCode.ChildrenDoNotCoverParent, Severity.Warning, [parentCode!], location, Math.Round(area, 3), "m2",
                    $"the {level.Name()} divisions under {parentCode} miss or exceed it by {area:0.##} m² in {misfits.Count} piece(s)",
                    FindingDetail.Of("children_do_not_cover", parentCode!, level.Name(), area.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), misfits.Count)));
            }
        }
        return findings;
    }

    /// <summary>The divisions, with parents derived from the code prefix where the rules ask for it.</summary>
    private static List<Division> WithParents(ImmutableArray<Division> divisions, ValidationRules rules) =>
        rules.ParentCodePrefixLength is not { } n
            ? [.. divisions]
            : [.. divisions.Select(d => d.ParentCode is null && d.Code.Length > n ? d with { ParentCode = d.Code[..n] } : d)];

    /// <summary>For each (code, child level): the index of the division with that code at a level above.</summary>
    private static Dictionary<(string, DivisionLevel), int> ParentIndex(List<Division> divisions)
    {
        var result = new Dictionary<(string, DivisionLevel), int>();
        for (var i = 0; i < divisions.Count; i++)
        {
            foreach (var level in DivisionLevels.All.Where(l => l > divisions[i].Level))
            {
                result.TryAdd((divisions[i].Code, level), i);
            }
        }
        return result;
    }

    private static Geometry LocationOf(Division d, MetricFrame frame)
    {
        Geometry point;
        try
        {
            point = d.Geometry.IsEmpty ? d.Geometry.Factory.CreatePoint() : d.Geometry.InteriorPoint;
        }
        catch (ArgumentException)
        {
            point = d.Geometry.Centroid;
        }
        return frame.SourceToLonLat(point);
    }

    private static ImmutableArray<Finding> Sorted(IEnumerable<Finding> findings) =>
    [
        .. findings
            .OrderBy(f => f.Code)
            .ThenBy(f => string.Join(",", f.Divisions), StringComparer.Ordinal)
            .ThenBy(f => f.Location.IsEmpty ? 0 : f.Location.EnvelopeInternal.MinX)
            .ThenBy(f => f.Location.IsEmpty ? 0 : f.Location.EnvelopeInternal.MinY),
    ];

    /// <summary>Same-level divisions of the whole set containing a point given in the set's own system.</summary>
    private sealed class LevelLookup(List<Division> divisions, Crs.CrsCode crs)
    {
        private readonly Dictionary<DivisionLevel, STRtree<int>> _trees = [];
        private readonly Dictionary<int, IndexedPointInAreaLocator> _locators = [];

        public IEnumerable<string> Containing(DivisionLevel level, Coordinate sourcePoint)
        {
            _ = crs;
            if (!_trees.TryGetValue(level, out var tree))
            {
                tree = new STRtree<int>();
                for (var i = 0; i < divisions.Count; i++)
                {
                    if (divisions[i].Level == level && !divisions[i].Geometry.IsEmpty)
                    {
                        tree.Insert(divisions[i].Geometry.EnvelopeInternal, i);
                    }
                }
                tree.Build();
                _trees[level] = tree;
            }
            var result = new List<string>();
            foreach (var i in tree.Query(new Envelope(sourcePoint)))
            {
                if (!_locators.TryGetValue(i, out var locator))
                {
                    _locators[i] = locator = new IndexedPointInAreaLocator(divisions[i].Geometry);
                }
                if (locator.Locate(sourcePoint) == Location.Interior)
                {
                    result.Add(divisions[i].Code);
                }
            }
            return result;
        }
    }
}
