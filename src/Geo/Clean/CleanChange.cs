using System.Collections.Immutable;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Clean;

/// <summary>
/// One change the cleaner made: a piece (a face of the noded linework, or a repair) with the divisions that claimed it
/// before and the one that owns it after. A division gains the piece when it is <see cref="Owner"/> and not among
/// <see cref="Claimants"/>, and loses it when it is among <see cref="Claimants"/> and not <see cref="Owner"/>.
/// </summary>
/// <param name="Kind">What was done.</param>
/// <param name="Level">The level of the coverage.</param>
/// <param name="ParentCode">The parent of the coverage; <c>null</c> for a coverage without one.</param>
/// <param name="Claimants">Codes of the divisions that held the piece before (empty for a gap).</param>
/// <param name="ClaimantIndices">Their positions in the input set, in the same order.</param>
/// <param name="Candidates">Codes of the divisions the piece could have gone to (claimants of an overlap, neighbours of a gap).</param>
/// <param name="Owner">Code of the division that holds the piece after; <c>null</c> when it was removed or left open.</param>
/// <param name="OwnerIndex">Its position in the input set; <c>null</c> with <paramref name="Owner"/>.</param>
/// <param name="AreaSquareMeters">
/// The piece's area in the Gauss-Krüger plane of <see cref="CleanResult.MetricCrs"/> (planar square metres); for
/// <see cref="CleanChangeKind.Repaired"/>, the area the repair added (negative: removed).
/// </param>
/// <param name="EllipsoidalAreaSquareMeters">The piece's area on the CGCS2000 ellipsoid, in square metres.</param>
/// <param name="WidthMeters">The diameter of the piece's largest inscribed circle; 0 for a repair.</param>
/// <param name="Location">The piece (or the repaired spot, a point) in the coordinate system of the input set.</param>
/// <param name="Reason">Why, in English: the rule applied and the figures it compared.</param>
public sealed record CleanChange(
    CleanChangeKind Kind,
    Model.DivisionLevel Level,
    string? ParentCode,
    ImmutableArray<string> Claimants,
    ImmutableArray<int> ClaimantIndices,
    ImmutableArray<string> Candidates,
    string? Owner,
    int? OwnerIndex,
    double AreaSquareMeters,
    double EllipsoidalAreaSquareMeters,
    double WidthMeters,
    Geometry Location,
    string Reason)
{
    /// <summary>Every division the change concerns: claimants, candidates and owner, without repeats.</summary>
    public IEnumerable<string> Parties =>
        Claimants.Concat(Candidates).Concat(Owner is null ? [] : [Owner]).Distinct(StringComparer.Ordinal);
}
