using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Synthesis;

/// <summary>
/// One boundary chain between two labels (a label may be <see cref="Lattice.Outside"/>), from node to node or a
/// closed loop. <see cref="Lattice"/> holds the lattice-vertex path; <see cref="Shape"/> the irregular line that
/// both neighbours use.
/// </summary>
internal sealed class Chain
{
    public Chain(int id, int left, int right, List<(int I, int J)> path, bool closed)
    {
        Id = id;
        Left = left;
        Right = right;
        Path = path;
        Closed = closed;
    }

    public int Id { get; }
    public int Left { get; }
    public int Right { get; }
    public List<(int I, int J)> Path { get; }
    public bool Closed { get; }

    /// <summary>Scale of the fractal displacement: 1 at first, reduced when the chain crosses another.</summary>
    public double Roughness { get; set; } = 1;

    public Coordinate[] Shape { get; set; } = [];

    public bool Separates(int a, int b) => (Left == a && Right == b) || (Left == b && Right == a);
}
