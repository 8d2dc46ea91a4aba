namespace Boundaries.Store;

/// <summary>
/// One line of the audit log: a division changed by a change set, with the version before (<c>null</c> when created) and
/// after (<c>null</c> when retired). Versions are never deleted, so the ids give the full before and after.
/// </summary>
/// <param name="Id">The entry's id, increasing.</param>
/// <param name="ChangeSet">Who, when, why.</param>
/// <param name="Code">The division.</param>
/// <param name="Action"><c>create</c>, <c>replace</c> or <c>retire</c>.</param>
/// <param name="BeforeVersionId">The version closed.</param>
/// <param name="AfterVersionId">The version opened.</param>
public sealed record AuditEntry(long Id, ChangeSetRecord ChangeSet, string Code, string Action, long? BeforeVersionId, long? AfterVersionId);
