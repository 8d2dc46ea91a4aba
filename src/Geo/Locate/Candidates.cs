namespace Boundaries.Geo.Locate;

/// <summary>
/// The divisions met while resolving one point at one level: per division, the parity of ray crossings and whether
/// the point lies on its boundary. Lives on the stack; holds at most <see cref="Capacity"/> divisions.
/// </summary>
internal ref struct Candidates
{
    public const int Capacity = 256;
    private const byte Parity = 1;
    private const byte Boundary = 2;

    private readonly Span<int> _division;
    private readonly Span<byte> _state;

    public Candidates(Span<int> division, Span<byte> state)
    {
        _division = division;
        _state = state;
        Count = 0;
        OnBoundary = false;
    }

    /// <summary>After <see cref="Finish"/>: the number of covering divisions.</summary>
    public int Count { get; private set; }

    /// <summary>The point lies on the boundary of at least one division.</summary>
    public bool OnBoundary { get; private set; }

    /// <summary>After <see cref="Finish"/>: the covering division at <paramref name="i"/>.</summary>
    public readonly int this[int i] => _division[i];

    public void Toggle(int division)
    {
        var i = Find(division);
        _state[i] ^= Parity;
    }

    public void MarkBoundary(int division)
    {
        var i = Find(division);
        _state[i] |= Boundary;
        OnBoundary = true;
    }

    /// <summary>
    /// Combines the crossing parities with the divisions covering the reference point the ray reached
    /// (<paramref name="status"/>), keeps only the covering divisions, and returns the one of least rank; -1 when
    /// none covers the point.
    /// </summary>
    public int Finish(ReadOnlySpan<int> status, int[] rank)
    {
        foreach (var d in status)
        {
            _state[Find(d)] ^= Parity;
        }
        var kept = 0;
        var best = -1;
        for (var i = 0; i < Count; i++)
        {
            if (_state[i] == 0)
            {
                continue;
            }
            var d = _division[i];
            _division[kept++] = d;
            if (best < 0 || rank[d] < rank[best])
            {
                best = d;
            }
        }
        Count = kept;
        return best;
    }

    private int Find(int division)
    {
        for (var i = 0; i < Count; i++)
        {
            if (_division[i] == division)
            {
                return i;
            }
        }
        if (Count == _division.Length)
        {
            throw new InvalidOperationException(
                $"more than {_division.Length} divisions meet near one point at one level; the locator supports at most {Capacity}");
        }
        _division[Count] = division;
        _state[Count] = 0;
        return Count++;
    }
}
