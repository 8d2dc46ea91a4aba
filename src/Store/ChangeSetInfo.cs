namespace Boundaries.Store;

/// <summary>Who makes a change, why, and from which day it takes effect.</summary>
/// <param name="Author">The person or system responsible; not empty.</param>
/// <param name="Reason">Why (an approval document, a survey campaign); not empty.</param>
/// <param name="EffectiveDate">The first day the change is in force; <c>null</c> in an import means each division's own
/// valid-from (or since always for a new division).</param>
public sealed record ChangeSetInfo(string Author, string Reason, DateOnly? EffectiveDate = null)
{
    internal void Check()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Author);
        ArgumentException.ThrowIfNullOrWhiteSpace(Reason);
    }
}
