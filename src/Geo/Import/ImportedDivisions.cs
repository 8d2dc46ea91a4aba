using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;

namespace Boundaries.Geo.Import;

/// <summary>Divisions read from a file, in the file's own coordinate system, with how that system was known.</summary>
/// <param name="Path">The file read.</param>
/// <param name="Format">The format name (GeoJSON, GeoPackage, ESRI Shapefile, CSV).</param>
/// <param name="Set">The divisions, axes in x = easting/longitude order, in <see cref="DivisionSet.Crs"/>.</param>
/// <param name="CrsSource">How the system was known.</param>
/// <param name="CrsReason">For a detected system, the ranges that decided it; otherwise <c>null</c>.</param>
/// <param name="Notes">What the reader chose on its own (an encoding, a skipped empty layer), in English.</param>
public sealed record ImportedDivisions(
    string Path,
    string Format,
    DivisionSet Set,
    CrsSource CrsSource,
    string? CrsReason,
    ImmutableArray<string> Notes)
{
    /// <summary>The same divisions transformed to <paramref name="target"/> (a new set; geometries are copies).</summary>
    public DivisionSet In(CrsCode target)
    {
        if (Set.Crs == target)
        {
            return Set;
        }
        var transformer = CoordinateTransformer.Create(Set.Crs, target);
        return new DivisionSet([.. Set.Divisions.Select(d => d with { Geometry = transformer.Transform(d.Geometry) })], target);
    }
}
