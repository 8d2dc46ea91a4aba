using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Geo.Topology;
using Boundaries.Geo.Validation;
using Boundaries.Viewer.Sources;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Lines;

/// <summary>
/// Applies an edit of one boundary line to both divisions it separates, so their shared edge stays identical: the new
/// interior vertices are snapped to the 1 mm grid of the line's Gauss-Krüger plane, the end nodes stay where they are
/// (they are shared with other lines), and the coverage is re-checked: any error finding the edit adds blocks it.
/// </summary>
internal static class LineEditor
{
    public static LineEditOutcome Apply(BoundarySnapshot snapshot, DivisionLevel level, int lineId, string baseVersion, Coordinate[] requested)
    {
        var topology = LineTopologyCache.For(snapshot);
        var line = topology.Lines.FirstOrDefault(l => l.Level == level && l.Id == lineId);
        if (line is null)
        {
            var sameSides = topology.Lines.FirstOrDefault(l => l.Level == level && LineTopologyCache.Version(l) == baseVersion);
            return sameSides is null
                ? new LineEditOutcome.Conflict(null, $"{level.Name()} line {lineId} no longer exists")
                : new LineEditOutcome.Conflict(sameSides, $"{level.Name()} line {lineId} is now line {sameSides.Id}");
        }
        if (LineTopologyCache.Version(line) != baseVersion)
        {
            return new LineEditOutcome.Conflict(line, $"{level.Name()} line {lineId} was changed since version {baseVersion}");
        }
        var old = line.Geometry.Coordinates;
        if (requested.Length < 2)
        {
            return new LineEditOutcome.Invalid("a line needs at least two vertices");
        }
        if (!Near(requested[0], old[0]) || !Near(requested[^1], old[^1]))
        {
            return new LineEditOutcome.Invalid("the first and last vertices are nodes shared with other lines and must not move");
        }
        var snapped = Snap(line, requested);
        var current = LineTopologyCache.Current(snapshot.Locator.Divisions).Where(d => d.Level == level).ToDictionary(d => d.Code, StringComparer.Ordinal);
        var replaced = new Dictionary<Division, Division>(ReferenceEqualityComparer.Instance);
        foreach (var code in new[] { line.Left, line.Right }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var division = current[code];
            if (RingSplicer.Replace(division.Geometry, old, snapped) is not { } geometry)
            {
                return new LineEditOutcome.Invalid($"line {lineId} is not a run of {code}'s boundary");
            }
            replaced[division] = division with { Geometry = geometry };
        }
        var before = LineTopologyCache.Current(snapshot.Locator.Divisions).ToList();
        var after = before.Select(d => replaced.TryGetValue(d, out var r) ? r : d).ToList();
        var blocking = NewErrors(before, after);
        if (blocking.Length > 0)
        {
            return new LineEditOutcome.Blocked(blocking);
        }
        var all = snapshot.Locator.Divisions.Select(d => replaced.TryGetValue(d, out var r) ? r : d).ToImmutableArray();
        return new LineEditOutcome.Applied(all, [.. replaced.Keys.Select(d => d.Code).Order(StringComparer.Ordinal)], old.Length, snapped.Length);
    }

    /// <summary>Errors present after the edit and not before (same code, same divisions).</summary>
    internal static ImmutableArray<Finding> NewErrors(List<Division> before, List<Division> after)
    {
        var was = CoverageChecker.Check(new DivisionSet([.. before], CrsCode.Cgcs2000)).Findings
            .Where(f => f.Severity == Severity.Error).Select(Key).ToHashSet(StringComparer.Ordinal);
        return [.. CoverageChecker.Check(new DivisionSet([.. after], CrsCode.Cgcs2000)).Findings
            .Where(f => f.Severity == Severity.Error && !was.Contains(Key(f)))];
    }

    private static string Key(Finding f) => f.Code + ":" + string.Join(',', f.Divisions);

    /// <summary>Interior vertices onto the 1 mm grid of the line's Gauss-Krüger plane; ends exactly as they were; repeats dropped.</summary>
    private static Coordinate[] Snap(BoundaryLine line, Coordinate[] requested)
    {
        var metric = GaussKrugerZone.MetricCrsFor(line.Geometry);
        var toMetric = CoordinateTransformer.Create(CrsCode.Cgcs2000, metric);
        var toLonLat = CoordinateTransformer.Create(metric, CrsCode.Cgcs2000);
        var old = line.Geometry.Coordinates;
        var result = new List<Coordinate> { old[0].Copy() };
        for (var i = 1; i < requested.Length - 1; i++)
        {
            var (e, n) = toMetric.Transform(requested[i].X, requested[i].Y);
            var (lon, lat) = toLonLat.Transform(Math.Round(e, 3), Math.Round(n, 3));
            var c = new Coordinate(lon, lat);
            if (!result[^1].Equals2D(c))
            {
                result.Add(c);
            }
        }
        if (!result[^1].Equals2D(old[^1]) || result.Count == 1)
        {
            result.Add(old[^1].Copy());
        }
        return [.. result];
    }

    private static bool Near(Coordinate a, Coordinate b) => Math.Abs(a.X - b.X) < 1e-7 && Math.Abs(a.Y - b.Y) < 1e-7;
}
