namespace Boundaries.Geo.Synthesis;

/// <summary>
/// A grid of square cells, each labelled with a township index (or <see cref="Outside"/>). Cell (i, j) covers
/// [X0 + i·S, X0 + (i+1)·S] × [Y0 + j·S, Y0 + (j+1)·S]; lattice vertex (i, j) is its lower-left corner.
/// The outermost two rings of cells are always outside.
/// </summary>
internal sealed class Lattice
{
    public const int Outside = -1;

    public Lattice(int nx, int ny, double x0, double y0, double cellMeters)
    {
        Nx = nx;
        Ny = ny;
        X0 = x0;
        Y0 = y0;
        S = cellMeters;
        Labels = new int[nx * ny];
        Array.Fill(Labels, Outside);
    }

    public int Nx { get; }
    public int Ny { get; }
    public double X0 { get; }
    public double Y0 { get; }
    public double S { get; }
    public int[] Labels { get; }

    public int this[int i, int j]
    {
        get => i < 0 || j < 0 || i >= Nx || j >= Ny ? Outside : Labels[j * Nx + i];
        set => Labels[j * Nx + i] = value;
    }

    public double CentreX(int i) => X0 + (i + 0.5) * S;
    public double CentreY(int j) => Y0 + (j + 0.5) * S;

    /// <summary>
    /// 4-connected components of equal labels, numbered in row-major order of their first cell.
    /// Returns the component id per cell and, per component, its label, first cell and size.
    /// </summary>
    public (int[] CompOfCell, List<(int Label, int FirstCell, int Size)> Comps) Components()
    {
        var comp = new int[Labels.Length];
        Array.Fill(comp, -1);
        var comps = new List<(int, int, int)>();
        var stack = new Stack<int>();
        for (var start = 0; start < Labels.Length; start++)
        {
            if (comp[start] >= 0)
            {
                continue;
            }
            var id = comps.Count;
            var label = Labels[start];
            var size = 0;
            comp[start] = id;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var c = stack.Pop();
                size++;
                var i = c % Nx;
                var j = c / Nx;
                Visit(i - 1, j);
                Visit(i + 1, j);
                Visit(i, j - 1);
                Visit(i, j + 1);
            }
            comps.Add((label, start, size));

            void Visit(int i, int j)
            {
                if (i < 0 || j < 0 || i >= Nx || j >= Ny)
                {
                    return;
                }
                var n = j * Nx + i;
                if (comp[n] < 0 && Labels[n] == label)
                {
                    comp[n] = id;
                    stack.Push(n);
                }
            }
        }
        return (comp, comps);
    }

    /// <summary>
    /// True when some lattice vertex has a pinch: two diagonal cells with the same label whose other two cells both
    /// differ from it. A pinch would make a ring touch itself, so the generator never leaves one.
    /// </summary>
    public bool FindPinch(out int pi, out int pj)
    {
        for (var j = 0; j + 1 < Ny; j++)
        {
            for (var i = 0; i + 1 < Nx; i++)
            {
                var a = this[i, j];
                var b = this[i + 1, j];
                var c = this[i, j + 1];
                var d = this[i + 1, j + 1];
                if ((a == d && b != a && c != a) || (b == c && a != b && d != b))
                {
                    pi = i;
                    pj = j;
                    return true;
                }
            }
        }
        pi = pj = -1;
        return false;
    }

    /// <summary>Sorted distinct pairs (lo, hi) of labels that share a cell edge, outside included.</summary>
    public SortedSet<(int, int)> Adjacency()
    {
        var pairs = new SortedSet<(int, int)>();
        for (var j = 0; j < Ny; j++)
        {
            for (var i = 0; i < Nx; i++)
            {
                var a = this[i, j];
                Add(a, this[i + 1, j]);
                Add(a, this[i, j + 1]);
            }
        }
        return pairs;

        void Add(int a, int b)
        {
            if (a != b)
            {
                pairs.Add((Math.Min(a, b), Math.Max(a, b)));
            }
        }
    }
}
