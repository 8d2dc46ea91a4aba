using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Enclaves;

/// <summary>A boundary marker (界桩) for scoring: its number (or id) and its position.</summary>
/// <param name="Id">The marker number or id.</param>
/// <param name="Location">Its position, in the division set's CRS as every <see cref="ScoringInputs"/> layer
/// (<see cref="MarkerLayer"/> reads CGCS2000 lon/lat, the CRS the CLI works in).</param>
public sealed record BoundaryMarker(string Id, Point Location);
