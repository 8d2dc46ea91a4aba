using System.Numerics;

namespace Boundaries.Geo.Topology;

/// <summary>
/// An open-addressing hash set of undirected edges (vertex pairs u &lt; v) that hands out ids in the order edges are first
/// met; the endpoints live in the caller's arrays. Multiplicative hashing of the pair packed into 64 bits, linear
/// probing, load at most 1/2.
/// </summary>
internal sealed class GridEdgeTable
{
    private readonly int[] _slots; // id + 1; 0 = empty
    private readonly int _shift;

    /// <summary>A table for up to <paramref name="capacity"/> distinct edges.</summary>
    public GridEdgeTable(int capacity)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, 2 * capacity));
        _slots = new int[size];
        _shift = 64 - BitOperations.Log2((uint)size);
    }

    /// <summary>The id of edge (<paramref name="u"/>, <paramref name="v"/>), or <paramref name="nextId"/> when it is new (see <see cref="GridPointTable.FindOrAdd"/>).</summary>
    public int FindOrAdd(int u, int v, int[] us, int[] vs, int nextId)
    {
        var mask = _slots.Length - 1;
        var i = (int)(unchecked((((ulong)(uint)u << 32) | (uint)v) * 0x9E3779B97F4A7C15UL) >> _shift);
        while (true)
        {
            var slot = _slots[i];
            if (slot == 0)
            {
                _slots[i] = nextId + 1;
                return nextId;
            }
            var id = slot - 1;
            if (us[id] == u && vs[id] == v)
            {
                return id;
            }
            i = (i + 1) & mask;
        }
    }
}
