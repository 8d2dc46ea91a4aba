using System.Numerics;

namespace Boundaries.Geo.Topology;

/// <summary>
/// An open-addressing hash set of grid points (integer millimetres) that hands out ids in the order points are first
/// met. The coordinates live in the caller's arrays; the table holds only ids, so a lookup touches one int and the two
/// coordinates it points to. Multiplicative (Fibonacci) hashing of both coordinates, linear probing, load at most 1/2.
/// </summary>
internal sealed class GridPointTable
{
    private readonly int[] _slots; // id + 1; 0 = empty
    private readonly int _shift;

    /// <summary>A table for up to <paramref name="capacity"/> distinct points.</summary>
    public GridPointTable(int capacity)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, 2 * capacity));
        _slots = new int[size];
        _shift = 64 - BitOperations.Log2((uint)size);
    }

    /// <summary>
    /// The id of (<paramref name="x"/>, <paramref name="y"/>): an id below <paramref name="nextId"/> when the point is
    /// already in <paramref name="xs"/>/<paramref name="ys"/>; otherwise <paramref name="nextId"/>, now taken (the caller
    /// stores the coordinates at that index).
    /// </summary>
    public int FindOrAdd(long x, long y, long[] xs, long[] ys, int nextId)
    {
        var mask = _slots.Length - 1;
        var i = Hash(x, y);
        while (true)
        {
            var slot = _slots[i];
            if (slot == 0)
            {
                _slots[i] = nextId + 1;
                return nextId;
            }
            var id = slot - 1;
            if (xs[id] == x && ys[id] == y)
            {
                return id;
            }
            i = (i + 1) & mask;
        }
    }

    private int Hash(long x, long y) =>
        (int)(unchecked(((ulong)x * 0x9E3779B97F4A7C15UL) ^ ((ulong)y + 0x632BE59BD9B4E019UL) * 0xC2B2AE3D27D4EB4FUL) * 0x9E3779B97F4A7C15UL >> _shift);
}
