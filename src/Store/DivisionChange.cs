using Boundaries.Geo.Model;

namespace Boundaries.Store;

/// <summary>One division's part of a <see cref="ChangeSet"/>.</summary>
/// <param name="Code">The division changed.</param>
/// <param name="BaseVersionId">The <see cref="StoredDivision.VersionId"/> the editor started from; <c>null</c> to create a
/// division that has no version in force.</param>
/// <param name="Replacement">The new version (its ValidFrom/ValidTo are ignored: it is valid from the change set's effective
/// date, open-ended); <c>null</c> retires the division.</param>
public sealed record DivisionChange(string Code, long? BaseVersionId, Division? Replacement);
