namespace Boundaries.Geo.Synthesis;

/// <summary>Number of divisions per level in a synthetic city.</summary>
/// <param name="Prefecture">Always 1.</param>
/// <param name="District">16 at full size, 4 small.</param>
/// <param name="Township">About 250 at full size.</param>
public sealed record TruthCounts(int Prefecture, int District, int Township);
