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
/// Three passes, each spread over the cores: (1) every division's rings to integer grid millimetres (flat arrays, no
/// NTS geometry); (2) per level, the segment graph in flat arrays with open-addressing hash tables, and its chains
/// (levels side by side, largest first); (3) every line back to longitude/latitude with its geodesic length. Lines and
/// nodes are then numbered level by level in the order the graph meets them.
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

        // 1. Rings on the grid, every division of every level in one parallel loop.
        var rings = levels.Select(l => new IReadOnlyList<long[]>[l.Divisions.Count]).ToArray();
        var work = levels.SelectMany((l, k) => l.Divisions.Select((_, i) => (Level: k, Division: i))).ToArray();
        Parallel.ForEach(Partitioner.Create(0, work.Length, 4), range =>
        {
            for (var j = range.Item1; j < range.Item2; j++)
            {
                var (k, i) = work[j];
                rings[k][i] = frames[k].ToGridRings(levels[k].Divisions[i].Geometry);
            }
        });

        // 2. One graph per level, the largest level first so the smaller ones fill the other core.
        var graphs = new SegmentGraph[levels.Count];
        var chains = new List<(int[] Vertices, int Left, int Right)>[levels.Count];
        var bySize = Enumerable.Range(0, levels.Count).OrderByDescending(k => rings[k].Sum(r => r.Sum(x => x.Length))).ToList();
        Parallel.ForEach(Partitioner.Create(bySize, EnumerablePartitionerOptions.NoBuffering), k =>
        {
            graphs[k] = SegmentGraph.Build(rings[k]);
            chains[k] = graphs[k].Chains();
        });

        // 3. Lines to lon/lat with their lengths, all levels in one parallel loop.
        var lineWork = chains.SelectMany((c, k) => c.Select((_, i) => (Level: k, Chain: i))).ToArray();
        var lonLat = chains.Select(c => new double[c.Count][]).ToArray();
        var lengths = chains.Select(c => new double[c.Count]).ToArray();
        Parallel.ForEach(Partitioner.Create(0, lineWork.Length, 8), range =>
        {
            for (var j = range.Item1; j < range.Item2; j++)
            {
                var (k, i) = lineWork[j];
                (lonLat[k][i], lengths[k][i]) = LonLatLine(frames[k], graphs[k], chains[k][i].Vertices);
            }
        });

        var lines = ImmutableArray.CreateBuilder<BoundaryLine>();
        var nodes = ImmutableArray.CreateBuilder<TopologyNode>();
        var conflicts = 0;
        for (var k = 0; k < levels.Count; k++)
        {
            var codes = levels[k].Divisions.Select(d => d.Code).ToArray();
            AddLevel(levels[k].Level, codes, frames[k].LonLatCrs.Epsg, chains[k], lonLat[k], lengths[k], lines, nodes);
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

    /// <summary>The vertices of a chain in lon/lat (interleaved) and the sum of its geodesic segment lengths, first to last.</summary>
    private static (double[] LonLat, double Length) LonLatLine(MetricFrame frame, SegmentGraph graph, int[] vertices)
    {
        var xy = new double[2 * vertices.Length];
        for (var i = 0; i < vertices.Length; i++)
        {
            frame.GridToLonLat(graph.X(vertices[i]), graph.Y(vertices[i]), out xy[2 * i], out xy[2 * i + 1]);
        }
        var length = 0.0;
        for (var i = 1; i < vertices.Length; i++)
        {
            length += Geodesic.Distance(xy[2 * i - 2], xy[2 * i - 1], xy[2 * i], xy[2 * i + 1]);
        }
        return (xy, length);
    }

    /// <summary>Numbers the lines of one level in chain order and their nodes in the order the lines meet them, after those already built.</summary>
    private static void AddLevel(DivisionLevel level, string[] codes, int srid, List<(int[] Vertices, int Left, int Right)> chains,
        double[][] lonLat, double[] lengths, ImmutableArray<BoundaryLine>.Builder lines, ImmutableArray<TopologyNode>.Builder nodes)
    {
        string? Code(int owner) => owner < 0 ? null : codes[owner];
        var nodeBase = nodes.Count;
        var nodeIds = new Dictionary<int, int>();
        var nodePoints = new List<(double Lon, double Lat)>();
        var nodeLines = new List<List<BoundaryLine>>();
        int NodeAt(int vertex, double lon, double lat)
        {
            if (!nodeIds.TryGetValue(vertex, out var id))
            {
                id = nodeBase + nodeIds.Count + 1;
                nodeIds[vertex] = id;
                nodePoints.Add((lon, lat));
                nodeLines.Add([]);
            }
            return id;
        }

        for (var k = 0; k < chains.Count; k++)
        {
            var (vertices, left, right) = chains[k];
            var xy = lonLat[k];
            var start = NodeAt(vertices[0], xy[0], xy[1]);
            var end = NodeAt(vertices[^1], xy[^2], xy[^1]);
            var coordinates = new Coordinate[vertices.Length];
            for (var i = 0; i < coordinates.Length; i++)
            {
                coordinates[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
            }
            var geometry = MetricFrame.LonLatFactory.CreateLineString(coordinates);
            geometry.SRID = srid;
            var line = new BoundaryLine(lines.Count + 1, level, Code(left), Code(right), geometry, lengths[k], start, end);
            lines.Add(line);
            nodeLines[start - nodeBase - 1].Add(line);
            nodeLines[end - nodeBase - 1].Add(line);
        }
        for (var n = 0; n < nodeLines.Count; n++)
        {
            var incident = nodeLines[n];
            var point = MetricFrame.LonLatFactory.CreatePoint(new Coordinate(nodePoints[n].Lon, nodePoints[n].Lat));
            point.SRID = srid;
            var sides = incident.SelectMany(l => new[] { l.Left, l.Right }).ToList();
            var divisionsHere = sides.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
            nodes.Add(new TopologyNode(nodeBase + n + 1, level, point, incident.Count, divisionsHere, sides.Any(s => s is null)));
        }
    }
}
