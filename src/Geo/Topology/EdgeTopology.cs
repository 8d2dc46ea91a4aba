using System.Collections.Concurrent;
using System.Collections.Immutable;
using Boundaries.Geo.Measure;
using Boundaries.Geo.Model;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Topology;

/// <summary>
/// Builds the edge topology of divisions, one level at a time (like the PostGIS topology <c>edge</c> table): every
/// boundary segment is put on the 1 mm grid of the level's Gauss-Krüger plane and keyed by its endpoints; a segment's
/// left division is the one whose ring (oriented interior-on-the-left) runs along it, its right division the one that
/// runs along it the other way, or none (the outside). Maximal runs with the same left and right become lines; their
/// ends are nodes. The input should be a clean coverage (validate and clean first): shared edges must have the same
/// vertices on both sides, or the two copies come out as two lines with the outside on one side.
/// </summary>
/// <remarks>
/// The work is spread over the cores in passes over flat arrays (no NTS geometry until the lines are made):
/// (1) the vertices of every level that shares a metric frame, each distinct point projected and snapped once
/// (<see cref="GridVertices"/>); (2) per level, the segment graph with an open-addressing edge hash, and its chains
/// (levels side by side, largest first); (3) each grid point on a line back to longitude/latitude once; (4) every line
/// with its geodesic length. Lines and nodes are then numbered level by level in the order the graph meets them.
/// </remarks>
public static partial class EdgeTopology
{
    /// <summary>The topology of every level of <paramref name="set"/>, levels top down.</summary>
    /// <exception cref="ArgumentException">The set is neither in lon/lat nor in Gauss-Krüger metres.</exception>
    public static BoundaryTopology Build(DivisionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var levels = DivisionLevels.All.Select(l => (Level: l, Divisions: set.OfLevel(l).ToList())).Where(l => l.Divisions.Count > 0).ToList();
        var frames = levels.Select(l => MetricFrame.For(set.Crs, l.Divisions.Select(d => d.Geometry))).ToArray();

        // 1. Grid points and rings, once for all levels in the same metric plane.
        var rings = new IReadOnlyList<int[]>[levels.Count][];
        var points = new GridVertices[levels.Count];
        foreach (var group in Enumerable.Range(0, levels.Count).GroupBy(k => frames[k].Name))
        {
            var groupGeometries = group.SelectMany(k => levels[k].Divisions.Select(d => d.Geometry)).ToList();
            var vertices = GridVertices.Build(frames[group.First()], groupGeometries, out var groupRings);
            var offset = 0;
            foreach (var k in group)
            {
                rings[k] = groupRings[offset..(offset + levels[k].Divisions.Count)];
                points[k] = vertices;
                offset += levels[k].Divisions.Count;
            }
        }

        // 2. One graph per level, the largest level first so the smaller ones fill the other core.
        var graphs = new SegmentGraph[levels.Count];
        var chains = new List<(int[] Vertices, int Left, int Right)>[levels.Count];
        var bySize = Enumerable.Range(0, levels.Count).OrderByDescending(k => rings[k].Sum(r => r.Sum(x => x.Length))).ToList();
        Parallel.ForEach(Partitioner.Create(bySize, EnumerablePartitionerOptions.NoBuffering), k =>
        {
            graphs[k] = SegmentGraph.Build(rings[k], points[k].Count);
            chains[k] = graphs[k].Chains();
        });

        // 3. Each grid point on a line to lon/lat (and its reduced latitude) once.
        var lonLat = new Dictionary<GridVertices, GridLonLat>();
        foreach (var group in Enumerable.Range(0, levels.Count).GroupBy(k => points[k]))
        {
            lonLat[group.Key] = GridLonLat.Of(frames[group.First()], group.Key, group.SelectMany(k => chains[k].Select(c => (c.Vertices, graphs[k]))));
        }

        // 4. The lines with their lengths, all levels in one parallel loop.
        var lineWork = chains.SelectMany((c, k) => c.Select((_, i) => (Level: k, Chain: i))).ToArray();
        var geometries = chains.Select(c => new LineString[c.Count]).ToArray();
        var lengths = chains.Select(c => new double[c.Count]).ToArray();
        Parallel.ForEach(Partitioner.Create(0, lineWork.Length, 8), range =>
        {
            for (var j = range.Item1; j < range.Item2; j++)
            {
                var (k, i) = lineWork[j];
                (geometries[k][i], lengths[k][i]) = lonLat[points[k]].Line(graphs[k], chains[k][i].Vertices, frames[k].LonLatCrs.Epsg);
            }
        });

        var lines = ImmutableArray.CreateBuilder<BoundaryLine>();
        var nodes = ImmutableArray.CreateBuilder<TopologyNode>();
        var conflicts = 0;
        for (var k = 0; k < levels.Count; k++)
        {
            var codes = levels[k].Divisions.Select(d => d.Code).ToArray();
            AddLevel(levels[k].Level, codes, chains[k], geometries[k], lengths[k], lines, nodes);
            conflicts += graphs[k].ConflictingSides;
        }
        var adjacencies = lines
            .Where(l => l.Left is not null && l.Right is not null && l.Left != l.Right)
            .GroupBy(l => (l.Level, A: Min(l.Left!, l.Right!), B: Max(l.Left!, l.Right!)))
            .Select(g => new Adjacency(g.Key.Level, g.Key.A, g.Key.B, g.Sum(l => l.LengthMeters), g.Count()))
            .OrderBy(a => a.Level).ThenBy(a => a.A, StringComparer.Ordinal).ThenBy(a => a.B, StringComparer.Ordinal)
            .ToImmutableArray();
        return new BoundaryTopology(lines.ToImmutable(), nodes.ToImmutable(), adjacencies, conflicts);
    }

    private static string Min(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a : b;

    private static string Max(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? b : a;

    /// <summary>Numbers the lines of one level in chain order and their nodes in the order the lines meet them, after those already built.</summary>
    private static void AddLevel(DivisionLevel level, string[] codes, List<(int[] Vertices, int Left, int Right)> chains,
        LineString[] geometries, double[] lengths, ImmutableArray<BoundaryLine>.Builder lines, ImmutableArray<TopologyNode>.Builder nodes)
    {
        string? Code(int owner) => owner < 0 ? null : codes[owner];
        var nodeBase = nodes.Count;
        var nodeIds = new Dictionary<int, int>();
        var nodePoints = new List<Coordinate>();
        var nodeLines = new List<List<BoundaryLine>>();
        int NodeAt(int vertex, Coordinate at)
        {
            if (!nodeIds.TryGetValue(vertex, out var id))
            {
                id = nodeBase + nodeIds.Count + 1;
                nodeIds[vertex] = id;
                nodePoints.Add(at);
                nodeLines.Add([]);
            }
            return id;
        }

        for (var k = 0; k < chains.Count; k++)
        {
            var (vertices, left, right) = chains[k];
            var geometry = geometries[k];
            var start = NodeAt(vertices[0], geometry.GetCoordinateN(0));
            var end = NodeAt(vertices[^1], geometry.GetCoordinateN(geometry.NumPoints - 1));
            var line = new BoundaryLine(lines.Count + 1, level, Code(left), Code(right), geometry, lengths[k], start, end);
            lines.Add(line);
            nodeLines[start - nodeBase - 1].Add(line);
            nodeLines[end - nodeBase - 1].Add(line);
        }
        for (var n = 0; n < nodeLines.Count; n++)
        {
            var incident = nodeLines[n];
            var point = MetricFrame.LonLatFactory.CreatePoint(nodePoints[n].Copy());
            point.SRID = geometries[0].SRID;
            var sides = incident.SelectMany(l => new[] { l.Left, l.Right }).ToList();
            var divisionsHere = sides.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
            nodes.Add(new TopologyNode(nodeBase + n + 1, level, point, incident.Count, divisionsHere, sides.Any(s => s is null)));
        }
    }
}
