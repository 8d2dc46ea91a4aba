namespace Boundaries.Survey.Conflate;

/// <summary>An accepted surveyed point a line should pass through: a marker (界桩) or a boundary point (边界点).</summary>
/// <param name="Id">Its id (marker number or point name).</param>
/// <param name="Longitude">CGCS2000 longitude.</param>
/// <param name="Latitude">CGCS2000 latitude.</param>
/// <param name="LineId">The topology id of its line; <c>null</c> to take the nearest line within <see cref="ConflateOptions.SearchMeters"/>.</param>
public sealed record ConflationPoint(string Id, double Longitude, double Latitude, int? LineId = null);
