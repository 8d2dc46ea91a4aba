namespace Boundaries.Geo.Locate;

internal sealed partial class LevelIndex
{
    private LevelIndex(LevelEdges edges, int divisionCount, int[] rank, int[] identity, LocatorOptions options)
    {
        Edges = edges;
        _divisionCount = divisionCount;
        _rank = rank;
        _identity = identity;
        var n = edges.Count;
        if (n == 0)
        {
            // An empty level: an inverted extent rejects every point.
            (_x0, _y0, _x1, _y1, _nx, _ny, _invW, _invH) = (1, 1, 0, 0, 1, 1, 1, 1);
            _cells = [0];
            _boundaryStart = [0];
            _eax = _eay = _ebx = _eby = [];
            _eOwner0 = _eOwner1 = _eFirstCol = [];
            _setStart = [0];
            _setMembers = [];
            return;
        }

        // Extent of all segments, widened a little so that every segment lies strictly inside.
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var e = 0; e < n; e++)
        {
            minX = Math.Min(minX, Math.Min(edges.Ax[e], edges.Bx[e]));
            maxX = Math.Max(maxX, Math.Max(edges.Ax[e], edges.Bx[e]));
            minY = Math.Min(minY, Math.Min(edges.Ay[e], edges.By[e]));
            maxY = Math.Max(maxY, Math.Max(edges.Ay[e], edges.By[e]));
        }
        var margin = Math.Max(maxX - minX, maxY - minY) * 1e-6 + 1e-9;
        (_x0, _y0, _x1, _y1) = (minX - margin, minY - margin, maxX + margin, maxY + margin);
        double width = _x1 - _x0, height = _y1 - _y0;

        // Cells about square on the ground: a degree of longitude is cos(lat) of a degree of latitude.
        var stretch = 1 / Math.Clamp(Math.Cos((_y0 + _y1) / 2 * Math.PI / 180), 0.1, 1);
        var target = Math.Clamp(options.CellsPerSegment * n, 1, options.MaxCellsPerLevel);
        var h = Math.Sqrt(width * height / (stretch * target));
        _nx = (int)Math.Clamp(Math.Ceiling(width / (stretch * h)), 1, 1 << 20);
        _ny = (int)Math.Clamp(Math.Ceiling(height / h), 1, 1 << 20);
        _invW = _nx / width;
        _invH = _ny / height;

        // Pass 1 counts the segments listed per cell, pass 2 fills them (compressed rows over boundary cells).
        var counts = new int[_nx * _ny];
        ForEachListing(edges, (cell, _, _) => counts[cell]++);
        _cells = new int[counts.Length];
        var boundaryCells = 0;
        long total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                boundaryCells++;
                total += counts[i];
            }
        }
        if (total > int.MaxValue / 2)
        {
            throw new InvalidOperationException($"the grid would list {total} segments; lower LocatorOptions.CellsPerSegment");
        }
        _boundaryStart = new int[boundaryCells + 1];
        var cursor = new int[boundaryCells];
        for (int i = 0, b = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                _cells[i] = ~b;
                cursor[b] = _boundaryStart[b];
                _boundaryStart[b + 1] = _boundaryStart[b] + counts[i];
                b++;
            }
        }
        var m = (int)total;
        (_eax, _eay, _ebx, _eby) = (new double[m], new double[m], new double[m], new double[m]);
        (_eOwner0, _eOwner1, _eFirstCol) = (new int[m], new int[m], new int[m]);
        var cells = _cells;
        var eax = _eax; var eay = _eay; var ebx = _ebx; var eby = _eby;
        var eo0 = _eOwner0; var eo1 = _eOwner1; var efc = _eFirstCol;
        ForEachListing(edges, (cell, e, firstCol) =>
        {
            var slot = cursor[~cells[cell]]++;
            (eax[slot], eay[slot], ebx[slot], eby[slot]) = (edges.Ax[e], edges.Ay[e], edges.Bx[e], edges.By[e]);
            (eo0[slot], eo1[slot], efc[slot]) = (edges.Owner0[e], edges.Owner1[e], firstCol);
        });

        (_setStart, _setMembers) = ClassifyUniformCells();
    }

    /// <summary>Builds the index of one level from its distinct segments.</summary>
    /// <param name="edges">The segments, owners being locator-wide division indices.</param>
    /// <param name="divisionCount">Number of divisions in the locator (all levels and dates).</param>
    /// <param name="rank">Locator-wide rank of each division in the tie order (smaller code first).</param>
    /// <param name="identity">identity[i] == i, locator-wide.</param>
    /// <param name="options">Grid sizing.</param>
    public static LevelIndex Build(LevelEdges edges, int divisionCount, int[] rank, int[] identity, LocatorOptions options) =>
        new(edges, divisionCount, rank, identity, options);

    /// <summary>
    /// Calls <paramref name="emit"/>(cell, segment, first column listed in that row) for every cell a segment is
    /// listed in: per row, a contiguous run of columns covering (conservatively) every point of the segment in that row.
    /// </summary>
    private void ForEachListing(LevelEdges edges, Action<int, int, int> emit)
    {
        var bandMargin = 0.01 / _invH;
        for (var e = 0; e < edges.Count; e++)
        {
            double ax = edges.Ax[e], ay = edges.Ay[e], bx = edges.Bx[e], by = edges.By[e];
            int c0 = Col(Math.Min(ax, bx)), c1 = Col(Math.Max(ax, bx));
            int r0 = Row(Math.Min(ay, by)), r1 = Row(Math.Max(ay, by));
            for (var r = r0; r <= r1; r++)
            {
                int lo = c0, hi = c1;
                if (r0 != r1 && c0 != c1)
                {
                    // The segment's x over this row's band (widened), widened again by a column for rounding.
                    var yLo = Math.Max(Math.Min(ay, by), _y0 + r / _invH - bandMargin);
                    var yHi = Math.Min(Math.Max(ay, by), _y0 + (r + 1) / _invH + bandMargin);
                    var slope = (bx - ax) / (by - ay);
                    var xa = ax + (yLo - ay) * slope;
                    var xb = ax + (yHi - ay) * slope;
                    lo = Math.Max(c0, Col(Math.Max(_x0, Math.Min(xa, xb))) - 1);
                    hi = Math.Min(c1, Col(Math.Max(_x0, Math.Max(xa, xb))) + 1);
                }
                for (var c = lo; c <= hi; c++)
                {
                    emit(r * _nx + c, e, lo);
                }
            }
        }
    }

    /// <summary>
    /// Finds which divisions cover each uniform cell, row by row from the right: the ray from a cell's centre runs
    /// through the boundary cells to its right to the next uniform cell, already classified (or the grid's end).
    /// </summary>
    private (int[] SetStart, int[] SetMembers) ClassifyUniformCells()
    {
        var setStart = new List<int> { 0 };
        var setMembers = new List<int>();
        var sets = new Dictionary<string, int>();
        Span<int> division = new int[Candidates.Capacity];
        Span<byte> state = new byte[Candidates.Capacity];
        var found = new List<int>();
        for (var r = 0; r < _ny; r++)
        {
            var y = _y0 + (r + 0.5) / _invH;
            if (Row(y) != r)
            {
                throw new InvalidOperationException($"grid row {r}: centre maps to row {Row(y)}");
            }
            for (var c = _nx - 1; c >= 0; c--)
            {
                var cell = r * _nx + c;
                if (_cells[cell] < 0)
                {
                    continue;
                }
                var x = _x0 + (c + 0.5) / _invW;
                if (Col(x) != c)
                {
                    throw new InvalidOperationException($"grid column {c}: centre maps to column {Col(x)}");
                }
                var acc = new Candidates(division, state);
                if (c + 1 < _nx)
                {
                    Resolve(x, y, r, c + 1, ref acc);
                }
                found.Clear();
                for (var i = 0; i < acc.Count; i++)
                {
                    found.Add(acc[i]);
                }
                _cells[cell] = found.Count switch
                {
                    0 => 0,
                    1 => found[0] + 1,
                    _ => _divisionCount + 1 + Intern(found),
                };
            }
        }
        return ([.. setStart], [.. setMembers]);

        int Intern(List<int> members)
        {
            // Sorted by rank, so the first member is the tie-rule answer.
            members.Sort((a, b) => _rank[a].CompareTo(_rank[b]));
            var key = string.Join(',', members);
            if (!sets.TryGetValue(key, out var k))
            {
                k = sets.Count;
                sets.Add(key, k);
                setMembers.AddRange(members);
                setStart.Add(setMembers.Count);
            }
            return k;
        }
    }
}
