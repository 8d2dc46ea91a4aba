using System.Collections.Immutable;

namespace Boundaries.Store;

/// <summary>The life of one division.</summary>
/// <param name="Code">The division.</param>
/// <param name="Versions">Every version, ordered by valid-from (since-always first).</param>
/// <param name="ChangeSets">The change sets that opened or closed one of them, oldest first.</param>
public sealed record DivisionHistory(string Code, ImmutableArray<StoredDivision> Versions, ImmutableArray<ChangeSetRecord> ChangeSets);
