namespace Boundaries.Store;

/// <summary>A stored change set.</summary>
/// <param name="Id">Its id, increasing in commit order.</param>
/// <param name="Kind"><c>import</c> or <c>change</c>.</param>
/// <param name="Author">Who made it.</param>
/// <param name="Reason">Why.</param>
/// <param name="EffectiveDate">The day it took effect; <c>null</c> for an import that used each division's own dates.</param>
/// <param name="RecordedAt">When it was committed (UTC).</param>
public sealed record ChangeSetRecord(long Id, string Kind, string Author, string Reason, DateOnly? EffectiveDate, DateTimeOffset RecordedAt);
