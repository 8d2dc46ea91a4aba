using System.Collections.Immutable;
using Boundaries.Geo.Crs;
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
public static partial class EdgeTopology
{
    /// <summary>The topology of every level of <paramref name="set"/>, levels top down.</summary>
    /// <exception cref="ArgumentException">The set is neither in lon/lat nor in Gauss-Krüger metres.</exception>
    public static BoundaryTopology Build(DivisionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var levels = DivisionLevels.All.Select(l => (Level: l, Divisions: set.OfLevel(l).ToList())).Where(l => l.Divisions.Count > 0).ToList();
        var built = new (List<BoundaryLine> Lines, List<TopologyNode> Nodes, int Conflicts)[levels.Count];
        // Levels are independent: build them side by side, then number lines and nodes top down.
        Parallel.For(0, levels.Count, k =>
        {
            var (lines, nodes) = (ImmutableArray.CreateBuilder<BoundaryLine>(), ImmutableArray.CreateBuilder<TopologyNode>());
            var conflicts = BuildLevel(levels[k].Level, levels[k].Divisions, set.Crs, lines, nodes);
            built[k] = ([.. lines], [.. nodes], conflicts);
        });
        var allLines = ImmutableArray.CreateBuilder<BoundaryLine>();
        var allNodes = ImmutableArray.CreateBuilder<TopologyNode>();
        foreach (var (levelLines, levelNodes, _) in built)
        {
            var (lineOffset, nodeOffset) = (allLines.Count, allNodes.Count);
            allLines.AddRange(levelLines.Select(l => l with { Id = l.Id + lineOffset, StartNode = l.StartNode + nodeOffset, EndNode = l.EndNode + nodeOffset }));
            allNodes.AddRange(levelNodes.Select(n => n with { Id = n.Id + nodeOffset }));
        }
        var conflicts = built.Sum(b => b.Conflicts);
        var lines = allLines;
        var nodes = allNodes;
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

    private static int BuildLevel(DivisionLevel level, List<Division> divisions, CrsCode crs,
        ImmutableArray<BoundaryLine>.Builder lines, ImmutableArray<TopologyNode>.Builder nodes)
    {
        var frame = MetricFrame.For(crs, divisions.Select(d => d.Geometry));
        var metric = new Geometry[divisions.Count];
        Parallel.For(0, divisions.Count, i => metric[i] = frame.ToMetric(divisions[i].Geometry, out _));
        var graph = SegmentGraph.Build(metric);
        var codes = divisions.Select(d => d.Code).ToList();
        string? Code(int owner) => owner < 0 ? null : codes[owner];

        var nodeIds = new Dictionary<int, int>();
        var nodeLines = new Dictionary<int, List<BoundaryLine>>();
        int NodeAt(int vertex)
        {
            if (!nodeIds.TryGetValue(vertex, out var id))
            {
                id = nodes.Count + nodeIds.Count + 1;
                nodeIds[vertex] = id;
                nodeLines[id] = [];
            }
            return id;
        }

        var lineGeometries = new List<(int[] Vertices, int Left, int Right)>();
        foreach (var chain in graph.Chains())
        {
            lineGeometries.Add(chain);
        }
        var lonLat = new LineString[lineGeometries.Count];
        var lengths = new double[lineGeometries.Count];
        Parallel.For(0, lineGeometries.Count, k =>
        {
            var coordinates = lineGeometries[k].Vertices.Select(v => graph.Coordinate(v)).ToArray();
            lonLat[k] = (LineString)frame.ToLonLat(MetricFrame.MetricFactory.CreateLineString(coordinates));
            lengths[k] = EllipsoidalMeasure.LengthMeters(lonLat[k]);
        });
        for (var k = 0; k < lineGeometries.Count; k++)
        {
            var (vertices, left, right) = lineGeometries[k];
            var start = NodeAt(vertices[0]);
            var end = NodeAt(vertices[^1]);
            var line = new BoundaryLine(lines.Count + 1, level, Code(left), Code(right), lonLat[k], lengths[k], start, end);
            lines.Add(line);
            nodeLines[start].Add(line);
            nodeLines[end].Add(line);
        }
        foreach (var (vertex, id) in nodeIds.OrderBy(p => p.Value))
        {
            var incident = nodeLines[id];
            var point = (Point)frame.ToLonLat(MetricFrame.MetricFactory.CreatePoint(graph.Coordinate(vertex)));
            var sides = incident.SelectMany(l => new[] { l.Left, l.Right }).ToList();
            var divisionsHere = sides.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
            nodes.Add(new TopologyNode(id, level, point, incident.Count, divisionsHere, sides.Any(s => s is null)));
        }
        return graph.ConflictingSides;
    }
}
