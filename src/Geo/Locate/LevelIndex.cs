using System.Runtime.CompilerServices;
using NetTopologySuite.Algorithm;

namespace Boundaries.Geo.Locate;

/// <summary>
/// The point index of one level at one date: a uniform grid over the level's extent whose cells are either
/// <em>uniform</em> (no segment touches the cell, so one set of divisions — usually one or none — covers all of it)
/// or <em>boundary</em> cells that list the segments touching them.
/// </summary>
/// <remarks>
/// <para>A point in a boundary cell is resolved by the crossing-number rule of NTS <c>RayCrossingCounter</c>
/// (same half-open vertex convention, same exact <c>CGAlgorithmsDD.OrientationIndex</c>), along a ray to +x that
/// stops at the first uniform cell to the right (or the grid's end, beyond which nothing is covered): the divisions
/// covering the point are those covering that cell, each flipped once per crossing of its own rings. A segment
/// listed in several cells of the row is counted only in the first scanned cell that lists it.</para>
/// <para>Cells are the preimages of the monotone maps <see cref="Col"/> and <see cref="Row"/>; a segment is listed
/// in every cell any of its points maps to (a conservative superset), so a uniform cell truly has no segment.</para>
/// <para>Cell values: <c>v &gt;= 0</c> uniform (0 none, 1..N the single division v-1, above N a set of divisions);
/// <c>v &lt; 0</c> boundary cell <c>~v</c>.</para>
/// </remarks>
internal sealed partial class LevelIndex
{
    private readonly double _x0, _y0, _x1, _y1, _invW, _invH;
    private readonly int _nx, _ny, _divisionCount;
    private readonly int[] _cells;
    private readonly int[] _boundaryStart;
    private readonly double[] _eax, _eay, _ebx, _eby;
    private readonly int[] _eOwner0, _eOwner1, _eFirstCol;
    private readonly int[] _setStart, _setMembers;
    private readonly int[] _rank;

    // _identity[i] == i: hands out a single division as a one-element span without allocating.
    private readonly int[] _identity;

    /// <summary>The distinct segments the index was built from (also used for distances).</summary>
    public LevelEdges Edges { get; }

    /// <summary>Number of cells in x and y (for tests and diagnostics).</summary>
    public (int Nx, int Ny, int BoundaryCells, int Entries) Shape => (_nx, _ny, _boundaryStart.Length - 1, _eax.Length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Col(double x) => Math.Min((int)((x - _x0) * _invW), _nx - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Row(double y) => Math.Min((int)((y - _y0) * _invH), _ny - 1);

    /// <summary>
    /// The covering division of least rank, or -1 when none covers the point; allocation-free.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Locate(double x, double y, out LocateFlags flags)
    {
        flags = LocateFlags.None;
        // Written so that NaN lands here too.
        if (!(x >= _x0 && x <= _x1 && y >= _y0 && y <= _y1))
        {
            return -1;
        }
        var row = Row(y);
        var col = Col(x);
        var v = _cells[row * _nx + col];
        if (v >= 0)
        {
            if (v <= _divisionCount)
            {
                return v - 1;
            }
            flags = LocateFlags.MultipleCandidates;
            return _setMembers[_setStart[v - _divisionCount - 1]];
        }
        return LocateInBoundaryCell(x, y, row, col, out flags);
    }

    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int LocateInBoundaryCell(double x, double y, int row, int col, out LocateFlags flags)
    {
        Span<int> division = stackalloc int[Candidates.Capacity];
        Span<byte> state = stackalloc byte[Candidates.Capacity];
        var acc = new Candidates(division, state);
        var best = Resolve(x, y, row, col, ref acc);
        flags = (acc.OnBoundary ? LocateFlags.OnBoundary : 0) | (acc.Count > 1 ? LocateFlags.MultipleCandidates : 0);
        return best;
    }

    /// <summary>
    /// Every division covering the point, into <paramref name="acc"/>; returns the one of least rank, or -1.
    /// </summary>
    public int FindCandidates(double x, double y, ref Candidates acc)
    {
        if (!(x >= _x0 && x <= _x1 && y >= _y0 && y <= _y1))
        {
            return -1;
        }
        return Resolve(x, y, Row(y), Col(x), ref acc);
    }

    private int Resolve(double x, double y, int row, int startCol, ref Candidates acc)
    {
        var rowBase = row * _nx;
        var c = startCol;
        var v = _cells[rowBase + c];
        while (v < 0)
        {
            var b = ~v;
            for (int e = _boundaryStart[b], end = _boundaryStart[b + 1]; e < end; e++)
            {
                // A segment listed in several cells of this row is counted in the first scanned one only.
                if (c != startCol && _eFirstCol[e] != c)
                {
                    continue;
                }
                TestSegment(e, x, y, ref acc);
            }
            if (++c == _nx)
            {
                return acc.Finish([], _rank);
            }
            v = _cells[rowBase + c];
        }
        return acc.Finish(StatusMembers(v), _rank);
    }

    /// <summary>One step of NTS <c>RayCrossingCounter.CountSegment</c>, for a segment with up to two owners.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TestSegment(int e, double x, double y, ref Candidates acc)
    {
        double ay = _eay[e], by = _eby[e];
        var aAbove = ay > y;
        if (aAbove == (by > y))
        {
            // Not crossing the ray's line: only a point on the segment (an endpoint, or a horizontal segment) matters.
            if (ay == y || by == y)
            {
                double ax = _eax[e], bx = _ebx[e];
                if ((ax == x && ay == y) || (bx == x && by == y)
                    || (ay == y && by == y && x >= Math.Min(ax, bx) && x <= Math.Max(ax, bx)))
                {
                    MarkBoundary(e, ref acc);
                }
            }
            return;
        }
        double sx = _eax[e], ex = _ebx[e];
        if (sx < x && ex < x)
        {
            return;
        }
        if ((sx == x && ay == y) || (ex == x && by == y))
        {
            MarkBoundary(e, ref acc);
            return;
        }
        var orient = CGAlgorithmsDD.OrientationIndex(sx, ay, ex, by, x, y);
        if (orient == 0)
        {
            MarkBoundary(e, ref acc);
            return;
        }
        // Re-orient so the segment points upwards; it crosses the ray when the point is to its left.
        if (by < ay)
        {
            orient = -orient;
        }
        if (orient > 0)
        {
            acc.Toggle(_eOwner0[e]);
            if (_eOwner1[e] >= 0)
            {
                acc.Toggle(_eOwner1[e]);
            }
        }
    }

    private void MarkBoundary(int e, ref Candidates acc)
    {
        acc.MarkBoundary(_eOwner0[e]);
        if (_eOwner1[e] >= 0)
        {
            acc.MarkBoundary(_eOwner1[e]);
        }
    }

    private ReadOnlySpan<int> StatusMembers(int v)
    {
        if (v == 0)
        {
            return [];
        }
        if (v <= _divisionCount)
        {
            return _identity.AsSpan(v - 1, 1);
        }
        var k = v - _divisionCount - 1;
        return _setMembers.AsSpan(_setStart[k], _setStart[k + 1] - _setStart[k]);
    }
}
