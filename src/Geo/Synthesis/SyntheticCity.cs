using Boundaries.Geo.Model;

namespace Boundaries.Geo.Synthesis;

/// <summary>
/// A generated sample city: one prefecture division (120100 天津市), its districts and townships, in
/// Gauss-Krüger metres (EPSG:4548, zone 39, false easting 500 000), with the ground truth of what was injected.
/// </summary>
/// <param name="Divisions">The divisions: the prefecture first, then the districts, then the townships.</param>
/// <param name="Truth">What the generator built and injected; serialize it with <see cref="GroundTruthJson"/>.</param>
public sealed record SyntheticCity(DivisionSet Divisions, GroundTruth Truth);
