using Boundaries.Geo.Validation;

namespace Boundaries.Store;

/// <summary>A validation finding kept in the store with the run (change set) that reported it.</summary>
/// <param name="Finding">The finding, location in CGCS2000 lon/lat.</param>
/// <param name="Id">The row's id.</param>
/// <param name="ChangeSetId">The validation run that stored it.</param>
public sealed record StoredFinding(Finding Finding, long Id, long ChangeSetId);
