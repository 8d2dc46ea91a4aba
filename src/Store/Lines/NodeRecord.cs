using System.Collections.Immutable;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Store.Lines;

/// <summary>A node of the boundary lines; a tri-junction (三交点) when three or more divisions meet.</summary>
/// <param name="Level">The level of the divisions.</param>
/// <param name="Geometry">The point in CGCS2000 lon/lat.</param>
/// <param name="Degree">How many line ends meet here.</param>
/// <param name="Divisions">The codes of the divisions meeting here, sorted ordinally.</param>
/// <param name="TouchesOutside">The outside of the coverage meets here.</param>
public sealed record NodeRecord(DivisionLevel Level, Point Geometry, int Degree, ImmutableArray<string> Divisions, bool TouchesOutside)
{
    /// <summary>Three or more divisions (not counting the outside) meet here.</summary>
    public bool IsTriJunction => Divisions.Length >= 3;
}
