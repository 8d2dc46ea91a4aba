using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Boundaries.Geo.Normalize;

/// <summary>One change <see cref="Normalizer"/> made to one division.</summary>
/// <param name="Code">The division's code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">What was changed.</param>
/// <param name="Detail">English detail: the defect repaired, or the figures.</param>
/// <param name="Measure">A figure whose unit <paramref name="Kind"/> documents.</param>
/// <param name="Location">Where, in CGCS2000 lon/lat; <c>null</c> when the change is spread over the whole geometry.</param>
/// <param name="Count">How many vertices or rings the change concerns (0 when not countable).</param>
/// <param name="Defect">For <see cref="NormalizeChangeKind.InvalidRepaired"/>, the defect NTS found; otherwise <c>null</c>.</param>
public sealed record NormalizeChange(
    string Code,
    string Name,
    NormalizeChangeKind Kind,
    string Detail,
    double Measure,
    Point? Location,
    int Count = 0,
    TopologyValidationErrors? Defect = null);
