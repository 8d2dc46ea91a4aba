using Boundaries.Geo.Model;

namespace Boundaries.Store;

/// <summary>One stored version of a division.</summary>
/// <param name="Division">The division as stored, with its validity period.</param>
/// <param name="VersionId">The version's id, unique in the store. It is the optimistic-concurrency token: an edit names
/// the version it was based on, and is refused when that version is no longer the one in force.</param>
/// <param name="CreatedBy">The change set that opened this version.</param>
/// <param name="ClosedBy">The change set that closed it; <c>null</c> while it is open.</param>
public sealed record StoredDivision(Division Division, long VersionId, long CreatedBy, long? ClosedBy);
