namespace Boundaries.Store;

/// <summary>A change notification.</summary>
/// <param name="ChangeSetId">The change set committed; <c>null</c> when the subscription reconnected and changes may have
/// been missed (reload everything).</param>
public sealed record StoreChange(long? ChangeSetId);
