namespace Boundaries.Store;

/// <summary>What a committed change set did.</summary>
/// <param name="ChangeSetId">Its id in the store.</param>
/// <param name="Created">Divisions that had no version in force and got one.</param>
/// <param name="Replaced">Divisions whose version in force was closed and replaced.</param>
/// <param name="Retired">Divisions closed without replacement.</param>
/// <param name="Unchanged">Imported divisions equal to the version in force, left alone.</param>
public sealed record ChangeSetReceipt(long ChangeSetId, int Created, int Replaced, int Retired, int Unchanged);
