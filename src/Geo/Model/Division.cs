using System.Collections.Immutable;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Model;

/// <summary>
/// One administrative unit. <see cref="Code"/> is the key: a national division code for Chinese data,
/// any stable identifier otherwise (a FIPS code, an ISO 3166-2 code). <see cref="Geometry"/> is a polygon or
/// multipolygon in the coordinate system of the collection that holds it (CGCS2000 lon/lat once normalized);
/// callers must not mutate it.
/// </summary>
/// <param name="Code">The division's code; never empty.</param>
/// <param name="Name">Its name, as written locally (Chinese for Chinese data); may be empty, which validation reports.</param>
/// <param name="Level">Its administrative level.</param>
/// <param name="ParentCode">The code of the division it lies in; <c>null</c> at the top or when unknown.</param>
/// <param name="Geometry">Polygon or multipolygon.</param>
/// <param name="ValidFrom">First day the division is in force; <c>null</c> = since always.</param>
/// <param name="ValidTo">First day it is no longer in force; <c>null</c> = still in force.</param>
public sealed record Division(
    string Code,
    string Name,
    DivisionLevel Level,
    string? ParentCode,
    Geometry Geometry,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null)
{
    /// <summary>Other attributes carried from the source (population, a management unit …), by field name.</summary>
    public ImmutableDictionary<string, object?> Attributes { get; init; } = ImmutableDictionary<string, object?>.Empty;

    /// <summary>True when the division is in force on <paramref name="date"/> (valid-to is exclusive).</summary>
    public bool IsValidOn(DateOnly date) =>
        (ValidFrom is not { } from || from <= date) && (ValidTo is not { } to || date < to);
}
