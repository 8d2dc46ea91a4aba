using System.Collections.Immutable;

namespace Boundaries.Geo.Synthesis;

/// <summary>
/// One injection in a synthetic city. <see cref="Class"/> is one of the stable names in <see cref="DefectClasses"/>;
/// measures are <c>null</c> where they do not apply.
/// </summary>
/// <param name="Class">The class, snake_case (<c>gap</c>, <c>enclave</c> …).</param>
/// <param name="Codes">The division codes involved, the affected (owner) division first.</param>
/// <param name="LocationWkt">Where: a point or polygon in the output CRS (EPSG:4548 metres).</param>
/// <param name="AreaM2">Area of the defect or piece in square metres.</param>
/// <param name="WidthM">Width in metres (sliver, neck) or displacement (near-miss).</param>
/// <param name="LengthM">Length in metres along the shared edge.</param>
/// <param name="Note">A short explanation.</param>
public sealed record InjectedDefect(
    string Class,
    ImmutableArray<string> Codes,
    string LocationWkt,
    double? AreaM2 = null,
    double? WidthM = null,
    double? LengthM = null,
    string? Note = null);
