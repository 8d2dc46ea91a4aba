namespace Boundaries.Geo.Topology;

/// <summary>
/// The boundary segments of one level on the 1 mm grid as a graph: vertices are grid points (ids into
/// <see cref="GridVertices"/>), each undirected edge knows the division on its left in each direction (-1 for none).
/// Everything sits in flat arrays; vertices and edges are numbered in the order they are first met (owner by owner,
/// ring by ring), so the numbering, and with it the order of the lines, depends only on the input.
/// </summary>
internal sealed class SegmentGraph
{
    private int[] _grid = [];
    private int _vertexCount;
    private int[] _edgeU = [];
    private int[] _edgeV = [];
    private int[] _leftUV = [];
    private int[] _leftVU = [];
    private int _edgeCount;
    private int[] _incidentStart = [];
    private int[] _incidentEdges = [];

    /// <summary>Sides claimed by two divisions.</summary>
    public int ConflictingSides { get; private set; }

    /// <summary>How many grid points the boundaries have.</summary>
    public int VertexCount => _vertexCount;

    /// <summary>The grid point (id into <see cref="GridVertices"/>) of a vertex.</summary>
    public int Grid(int vertex) => _grid[vertex];

    /// <summary>
    /// The graph of the rings of each owner: <paramref name="ringsByOwner"/>[owner] holds that owner's closed rings as
    /// grid point ids (below <paramref name="gridCount"/>), shells counter-clockwise and holes clockwise.
    /// </summary>
    public static SegmentGraph Build(IReadOnlyList<IReadOnlyList<int[]>> ringsByOwner, int gridCount)
    {
        var points = 0;
        foreach (var rings in ringsByOwner)
        {
            foreach (var ring in rings)
            {
                points += ring.Length;
            }
        }
        var graph = new SegmentGraph();
        graph.Allocate(points);
        var vertexOf = new int[gridCount];
        Array.Fill(vertexOf, -1);
        var edges = new GridEdgeTable(points);
        for (var owner = 0; owner < ringsByOwner.Count; owner++)
        {
            foreach (var ring in ringsByOwner[owner])
            {
                var previous = graph.Vertex(vertexOf, ring[0]);
                for (var k = 1; k < ring.Length; k++)
                {
                    var next = graph.Vertex(vertexOf, ring[k]);
                    if (next != previous)
                    {
                        graph.AddSide(edges, previous, next, owner);
                    }
                    previous = next;
                }
            }
        }
        graph.IndexIncidence();
        return graph;
    }

    private void Allocate(int points)
    {
        _grid = new int[points];
        (_edgeU, _edgeV, _leftUV, _leftVU) = (new int[points], new int[points], new int[points], new int[points]);
    }

    private int Vertex(int[] vertexOf, int grid)
    {
        if (vertexOf[grid] < 0)
        {
            vertexOf[grid] = _vertexCount;
            _grid[_vertexCount++] = grid;
        }
        return vertexOf[grid];
    }

    private void AddSide(GridEdgeTable table, int from, int to, int owner)
    {
        var (u, v) = from < to ? (from, to) : (to, from);
        var e = table.FindOrAdd(u, v, _edgeU, _edgeV, _edgeCount);
        if (e == _edgeCount)
        {
            (_edgeU[e], _edgeV[e], _leftUV[e], _leftVU[e]) = (u, v, -1, -1);
            _edgeCount++;
        }
        var sides = from == u ? _leftUV : _leftVU;
        if (sides[e] >= 0)
        {
            ConflictingSides++;
        }
        else
        {
            sides[e] = owner;
        }
    }

    /// <summary>Edges by vertex in one flat array (compressed rows): vertex v's edges are _incidentEdges[start[v]..start[v+1]), by edge number.</summary>
    private void IndexIncidence()
    {
        var start = new int[_vertexCount + 1];
        for (var e = 0; e < _edgeCount; e++)
        {
            start[_edgeU[e] + 1]++;
            start[_edgeV[e] + 1]++;
        }
        for (var i = 0; i < _vertexCount; i++)
        {
            start[i + 1] += start[i];
        }
        var fill = start[..^1];
        var edges = new int[start[^1]];
        for (var e = 0; e < _edgeCount; e++)
        {
            edges[fill[_edgeU[e]]++] = e;
            edges[fill[_edgeV[e]]++] = e;
        }
        (_incidentStart, _incidentEdges) = (start, edges);
    }

    private ReadOnlySpan<int> Incident(int vertex) => _incidentEdges.AsSpan(_incidentStart[vertex], _incidentStart[vertex + 1] - _incidentStart[vertex]);

    /// <summary>(left, right) of an edge traversed from <paramref name="from"/>.</summary>
    private (int Left, int Right) Sides(int e, int from) =>
        from == _edgeU[e] ? (_leftUV[e], _leftVU[e]) : (_leftVU[e], _leftUV[e]);

    private int Other(int e, int vertex) => _edgeU[e] == vertex ? _edgeV[e] : _edgeU[e];

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

    /// <summary>
    /// The lines: maximal chains between nodes, from each node in vertex order along its edges in edge order, with a
    /// division on the left where there is one; closed loops with no node start at their lowest vertex.
    /// </summary>
    public List<(int[] Vertices, int Left, int Right)> Chains()
    {
        var chains = new List<(int[] Vertices, int Left, int Right)>();
        var used = new bool[_edgeCount];
        var isNode = new bool[_vertexCount];
        for (var v = 0; v < _vertexCount; v++)
        {
            isNode[v] = IsNode(v);
        }
        var path = new List<int>();
        for (var v = 0; v < _vertexCount; v++)
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
                    chains.Add(Walk(v, e, used, isNode, path));
                }
            }
        }
        for (var e = 0; e < _edgeCount; e++)
        {
            if (!used[e])
            {
                // A closed loop with no node on it (an island's outline): start at its lowest vertex.
                chains.Add(Walk(Math.Min(_edgeU[e], _edgeV[e]), e, used, isNode, path, closedLoop: true));
            }
        }
        return chains;
    }

    private (int[] Vertices, int Left, int Right) Walk(int start, int firstEdge, bool[] used, bool[] isNode, List<int> path, bool closedLoop = false)
    {
        var (left, right) = Sides(firstEdge, start);
        if (left < 0 && right >= 0)
        {
            // Keep a division on the left where there is one: the outside goes on the right.
            (left, right) = (right, left);
        }
        path.Clear();
        path.Add(start);
        var (at, e) = (start, firstEdge);
        while (true)
        {
            used[e] = true;
            at = Other(e, at);
            path.Add(at);
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
        var vertices = path.ToArray();
        if (Sides(firstEdge, start).Left != left)
        {
            Array.Reverse(vertices);
        }
        return (vertices, left, right);
    }
}
