using System.Collections.Immutable;

namespace Boundaries.Store.Lines;

/// <summary>An edit of boundary lines (an official moving a line after a field survey) that lands on one effective date.</summary>
/// <param name="Author">The person responsible; not empty.</param>
/// <param name="Reason">Why; not empty.</param>
/// <param name="EffectiveDate">The first day the new versions are in force.</param>
/// <param name="Changes">The changes; at least one, each code once.</param>
public sealed record LineChangeSet(string Author, string Reason, DateOnly EffectiveDate, ImmutableArray<LineChange> Changes)
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
                throw new ArgumentException($"line {c.Code} is changed twice in one change set", nameof(Changes));
            }
            if (c.Replacement is { } r && r.Code != c.Code)
            {
                throw new ArgumentException($"the replacement of line {c.Code} has code {r.Code}", nameof(Changes));
            }
            if (c.BaseVersionId is null && c.Replacement is null)
            {
                throw new ArgumentException($"change of line {c.Code} has neither a base version nor a replacement", nameof(Changes));
            }
        }
    }
}
