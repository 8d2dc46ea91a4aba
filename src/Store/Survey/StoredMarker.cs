namespace Boundaries.Store.Survey;

/// <summary>A stored marker position. Saving a marker of the same number again supersedes this one (it gets <see cref="ClosedBy"/>).</summary>
/// <param name="Marker">The marker.</param>
/// <param name="Id">The row's id.</param>
/// <param name="CreatedBy">The change set that stored it.</param>
/// <param name="ClosedBy">The change set that superseded it; <c>null</c> for the current position.</param>
public sealed record StoredMarker(MarkerRecord Marker, long Id, long CreatedBy, long? ClosedBy);
