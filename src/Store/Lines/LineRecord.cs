using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Store.Lines;

/// <summary>A boundary line (界线) as the store keeps it: one stretch of boundary with one division on each side.</summary>
/// <param name="Code">The line's key in the store, stable across topology builds while the two sides stay the same
/// (<see cref="TopologyRecords.From"/> makes <c>LEFT/RIGHT</c>, the codes in ordinal order, <c>-</c> for the outside,
/// with <c>/2</c>, <c>/3</c>… when two divisions share several stretches); not empty.</param>
/// <param name="Level">The level of the divisions on either side.</param>
/// <param name="Left">The division on the left; <c>null</c> for the outside of the coverage.</param>
/// <param name="Right">The division on the right; <c>null</c> for the outside.</param>
/// <param name="Geometry">The line in CGCS2000 lon/lat.</param>
/// <param name="LengthMeters">Ellipsoidal length on CGCS2000.</param>
public sealed record LineRecord(string Code, DivisionLevel Level, string? Left, string? Right, LineString Geometry, double LengthMeters);
