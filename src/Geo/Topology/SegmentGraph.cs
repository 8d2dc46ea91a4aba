using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Topology;

/// <summary>
/// The boundary segments of one level on the 1 mm grid as a graph: vertices are grid points, each undirected edge
/// knows the division on its left in each direction (-1 for none).
/// </summary>
internal sealed class SegmentGraph
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

    public static SegmentGraph Build(IReadOnlyList<Geometry> metric)
    {
        var graph = new SegmentGraph();
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
