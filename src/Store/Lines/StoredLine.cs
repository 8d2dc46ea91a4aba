namespace Boundaries.Store.Lines;

/// <summary>One stored version of a boundary line.</summary>
/// <param name="Line">The line as stored.</param>
/// <param name="ValidFrom">First day in force; <c>null</c> = since always.</param>
/// <param name="ValidTo">First day no longer in force (exclusive); <c>null</c> = still in force.</param>
/// <param name="VersionId">The version's id, unique among lines; the optimistic-concurrency token of a line edit.</param>
/// <param name="CreatedBy">The change set that opened this version.</param>
/// <param name="ClosedBy">The change set that closed it; <c>null</c> while open.</param>
public sealed record StoredLine(LineRecord Line, DateOnly? ValidFrom, DateOnly? ValidTo, long VersionId, long CreatedBy, long? ClosedBy);
