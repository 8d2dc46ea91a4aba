using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Measure;
using Boundaries.Geo.Model;
using Boundaries.Geo.Topology;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Tests.Topology;

/// <summary>
/// The edge topology builder as it was before the flat-array rewrite (NTS geometries in the metric plane, tuple-keyed
/// dictionaries), kept verbatim as an oracle: the new <see cref="EdgeTopology.Build"/> must give exactly the same lines,
/// nodes, lengths and adjacencies.
/// </summary>
internal static class ReferenceEdgeTopology
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
        var graph = ReferenceSegmentGraph.Build(metric);
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



/// <summary>The segment graph of <see cref="ReferenceEdgeTopology"/> (dictionaries keyed by tuples), kept as it was.</summary>
internal sealed class ReferenceSegmentGraph
{
    private readonly List<Coordinate> _coordinates = [];
    private readonly Dictionary<(long, long), int> _vertexIds = [];
    private readonly Dictionary<(int, int), int> _edgeIds = [];
    private readonly List<(int U, int V, int LeftUV, int LeftVU)> _edges = [];
    private int[] _incidentStart = [];
    private int[] _incidentEdges = [];

    /// <summary>Sides claimed by two divisions.</summary>
    public int ConflictingSides { get; private set; }

    public Coordinate Coordinate(int vertex) => _coordinates[vertex];

    public static ReferenceSegmentGraph Build(IReadOnlyList<Geometry> metric)
    {
        var graph = new ReferenceSegmentGraph();
        var total = metric.Sum(g => g.NumPoints);
        graph._vertexIds.EnsureCapacity(total / 2);
        graph._edgeIds.EnsureCapacity(total / 2);
        for (var owner = 0; owner < metric.Count; owner++)
        {
            var g = metric[owner];
            for (var i = 0; i < g.NumGeometries; i++)
            {
                if (g.GetGeometryN(i) is not Polygon p)
                {
                    continue;
                }
                graph.AddRing(p.ExteriorRing, owner);
                for (var h = 0; h < p.NumInteriorRings; h++)
                {
                    graph.AddRing(p.GetInteriorRingN(h), owner);
                }
            }
        }
        graph.IndexIncidence();
        return graph;
    }

    /// <summary>Edges by vertex in one flat array (compressed rows): vertex v's edges are _incidentEdges[start[v]..start[v+1]).</summary>
    private void IndexIncidence()
    {
        var start = new int[_coordinates.Count + 1];
        foreach (var (u, v, _, _) in _edges)
        {
            start[u + 1]++;
            start[v + 1]++;
        }
        for (var i = 0; i < _coordinates.Count; i++)
        {
            start[i + 1] += start[i];
        }
        var fill = start[..^1].ToArray();
        var edges = new int[start[^1]];
        for (var e = 0; e < _edges.Count; e++)
        {
            edges[fill[_edges[e].U]++] = e;
            edges[fill[_edges[e].V]++] = e;
        }
        (_incidentStart, _incidentEdges) = (start, edges);
    }

    private ReadOnlySpan<int> Incident(int vertex) => _incidentEdges.AsSpan(_incidentStart[vertex], _incidentStart[vertex + 1] - _incidentStart[vertex]);

    private void AddRing(LineString ring, int owner)
    {
        var c = ring.Coordinates;
        var previous = Vertex(c[0]);
        for (var k = 1; k < c.Length; k++)
        {
            var next = Vertex(c[k]);
            if (next != previous)
            {
                AddSide(previous, next, owner);
            }
            previous = next;
        }
    }

    private int Vertex(Coordinate c)
    {
        var key = ((long)Math.Round(c.X * 1000), (long)Math.Round(c.Y * 1000));
        if (!_vertexIds.TryGetValue(key, out var id))
        {
            id = _coordinates.Count;
            _vertexIds[key] = id;
            _coordinates.Add(c);
        }
        return id;
    }

    private void AddSide(int from, int to, int owner)
    {
        var (u, v) = from < to ? (from, to) : (to, from);
        var key = (u, v);
        if (!_edgeIds.TryGetValue(key, out var e))
        {
            e = _edges.Count;
            _edgeIds[key] = e;
            _edges.Add((u, v, -1, -1));
        }
        var edge = _edges[e];
        if (from == u)
        {
            ConflictingSides += edge.LeftUV >= 0 ? 1 : 0;
            _edges[e] = edge with { LeftUV = edge.LeftUV >= 0 ? edge.LeftUV : owner };
        }
        else
        {
            ConflictingSides += edge.LeftVU >= 0 ? 1 : 0;
            _edges[e] = edge with { LeftVU = edge.LeftVU >= 0 ? edge.LeftVU : owner };
        }
    }

    /// <summary>(left, right) of an edge traversed from <paramref name="from"/>.</summary>
    private (int Left, int Right) Sides(int e, int from)
    {
        var edge = _edges[e];
        return from == edge.U ? (edge.LeftUV, edge.LeftVU) : (edge.LeftVU, edge.LeftUV);
    }

    private int Other(int e, int vertex) => _edges[e].U == vertex ? _edges[e].V : _edges[e].U;

    /// <summary>A vertex is a node unless exactly two edges meet there with the same sides in the direction of travel.</summary>
    private bool IsNode(int vertex)
    {
        var incident = Incident(vertex);
        if (incident.Length != 2)
        {
            return true;
        }
        var (a, b) = (incident[0], incident[1]);
        var into = Sides(a, Other(a, vertex));
        var outOf = Sides(b, vertex);
        return into != outOf;
    }

    /// <summary>The lines: maximal chains between nodes, oriented with the lower owner index … as first met; closed loops with no node start at their lowest vertex.</summary>
    public IEnumerable<(int[] Vertices, int Left, int Right)> Chains()
    {
        var used = new bool[_edges.Count];
        var isNode = new bool[_coordinates.Count];
        for (var v = 0; v < _coordinates.Count; v++)
        {
            isNode[v] = IsNode(v);
        }
        for (var v = 0; v < _coordinates.Count; v++)
        {
            if (!isNode[v])
            {
                continue;
            }
            for (var k = _incidentStart[v]; k < _incidentStart[v + 1]; k++)
            {
                var e = _incidentEdges[k];
                if (!used[e])
                {
                    yield return Walk(v, e, used, isNode);
                }
            }
        }
        for (var e = 0; e < _edges.Count; e++)
        {
            if (!used[e])
            {
                // A closed loop with no node on it (an island's outline): start at its lowest vertex.
                yield return Walk(Math.Min(_edges[e].U, _edges[e].V), e, used, isNode, closedLoop: true);
            }
        }
    }

    private (int[] Vertices, int Left, int Right) Walk(int start, int firstEdge, bool[] used, bool[] isNode, bool closedLoop = false)
    {
        var (left, right) = Sides(firstEdge, start);
        if (left < 0 && right >= 0)
        {
            // Keep a division on the left where there is one: the outside goes on the right.
            (left, right) = (right, left);
        }
        var vertices = new List<int> { start };
        var (at, e) = (start, firstEdge);
        while (true)
        {
            used[e] = true;
            at = Other(e, at);
            vertices.Add(at);
            if (isNode[at] || (closedLoop && at == start))
            {
                break;
            }
            var around = Incident(at);
            var next = around[0] == e ? around[1] : around[0];
            if (used[next])
            {
                break;
            }
            e = next;
        }
        if (Sides(firstEdge, start).Left != left)
        {
            vertices.Reverse();
        }
        return ([.. vertices], left, right);
    }
}
