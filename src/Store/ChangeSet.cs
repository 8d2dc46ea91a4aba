using System.Collections.Immutable;

namespace Boundaries.Store;

/// <summary>An edit of several divisions that lands together on one effective date.</summary>
/// <param name="Author">The person responsible; not empty.</param>
/// <param name="Reason">Why (the approval document); not empty.</param>
/// <param name="EffectiveDate">The first day the new versions are in force; the base versions end the day before.</param>
/// <param name="Changes">The changes; at least one, each code once.</param>
public sealed record ChangeSet(string Author, string Reason, DateOnly EffectiveDate, ImmutableArray<DivisionChange> Changes)
{
    internal void Check()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Author);
        ArgumentException.ThrowIfNullOrWhiteSpace(Reason);
        if (Changes.IsDefaultOrEmpty)
        {
            throw new ArgumentException("a change set needs at least one change", nameof(Changes));
        }
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in Changes)
        {
            ArgumentNullException.ThrowIfNull(c);
            if (!codes.Add(c.Code))
            {
                throw new ArgumentException($"division {c.Code} is changed twice in one change set", nameof(Changes));
            }
            if (c.Replacement is { } r && r.Code != c.Code)
            {
                throw new ArgumentException($"the replacement of {c.Code} has code {r.Code}", nameof(Changes));
            }
            if (c.BaseVersionId is null && c.Replacement is null)
            {
                throw new ArgumentException($"change of {c.Code} has neither a base version nor a replacement", nameof(Changes));
            }
        }
    }
}
