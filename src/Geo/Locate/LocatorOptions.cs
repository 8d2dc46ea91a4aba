namespace Boundaries.Geo.Locate;

/// <summary>How <see cref="DivisionLocator.Build"/> sizes its grids.</summary>
public sealed record LocatorOptions
{
    /// <summary>All defaults.</summary>
    public static LocatorOptions Default { get; } = new();

    /// <summary>
    /// Grid cells per distinct boundary segment of a level. Default 4: about 2 % of the area of a city's
    /// township level lies in boundary cells, each listing a handful of segments. More cells cost memory
    /// (about 4 bytes a cell) and make fewer points need the exact edge test.
    /// </summary>
    public double CellsPerSegment { get; init; } = 4;

    /// <summary>Upper bound on the cells of one level's grid. Default 16 777 216 (64 MiB of cells).</summary>
    public int MaxCellsPerLevel { get; init; } = 1 << 24;

    internal void Check()
    {
        if (!(CellsPerSegment > 0) || double.IsInfinity(CellsPerSegment))
        {
            throw new ArgumentOutOfRangeException(nameof(CellsPerSegment), CellsPerSegment, "must be a positive finite number");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCellsPerLevel, 1, nameof(MaxCellsPerLevel));
    }
}
