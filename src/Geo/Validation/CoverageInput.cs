using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Validation;

/// <summary>One coverage prepared for the face checks: members and parent in the metric plane of <see cref="Frame"/>.</summary>
/// <param name="Frame">The metric plane.</param>
/// <param name="Members">Member geometries (metric, snapped, oriented; repaired when invalid).</param>
/// <param name="Codes">Member codes, parallel to <paramref name="Members"/>.</param>
/// <param name="Parent">The parent's metric geometry; <c>null</c> when the parent is not in the set.</param>
/// <param name="ParentCode">The parent's code; <c>null</c> at the top.</param>
/// <param name="OtherCoverages">Codes of same-level divisions of other coverages containing a metric point.</param>
/// <param name="InvalidAt">Per member, where its geometry is invalid (metric); <c>null</c> when valid.</param>
internal sealed record CoverageInput(
    MetricFrame Frame,
    IReadOnlyList<Geometry> Members,
    IReadOnlyList<string> Codes,
    Geometry? Parent,
    string? ParentCode,
    Func<Coordinate, IEnumerable<string>> OtherCoverages,
    IReadOnlyList<Coordinate?> InvalidAt);
