namespace Boundaries.Geo.Synthesis;

/// <summary>
/// Which district each township label belongs to, the district codes, and each township's code and name.
/// Labels added by injections (a surrounded township) are appended.
/// </summary>
internal sealed class DistrictPlan
{
    public required List<int> DistrictOfLabel { get; init; }
    public required int[] DistrictCodes { get; init; }
    public required bool[] Urban { get; init; }
    /// <summary>Filled by <see cref="TownshipNamer"/>.</summary>
    public List<string> Codes { get; } = [];
    /// <summary>Filled by <see cref="TownshipNamer"/>.</summary>
    public List<string> Names { get; } = [];
    /// <summary>Centroid (cell-centre mean) of each township label, in metres.</summary>
    public required List<(double X, double Y)> Centroids { get; init; }

    /// <summary>Township labels part of whose territory is managed by another township (label to manager label).</summary>
    public Dictionary<int, int> ManagedBy { get; } = [];

    public int DistrictOf(int label) => label < 0 ? -1 : DistrictOfLabel[label];
}
