namespace Boundaries.Store;

/// <summary>
/// A write was refused because another writer changed the same division first: the version the edit was based on is
/// no longer the one in force (or a division being created already exists). Nothing of the refused write was kept;
/// reload, redo the edit on the current version and submit again.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    /// <summary>Creates the exception for division <paramref name="code"/>.</summary>
    public ConcurrencyConflictException(string code, long? expectedVersionId, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        ExpectedVersionId = expectedVersionId;
    }

    /// <summary>The division edited concurrently.</summary>
    public string Code { get; }

    /// <summary>The version the refused edit was based on; <c>null</c> for a creation.</summary>
    public long? ExpectedVersionId { get; }
}
