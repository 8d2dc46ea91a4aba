using System.Collections.Immutable;

namespace Boundaries.Store.Lines;

/// <summary>The life of one boundary line.</summary>
/// <param name="Code">The line.</param>
/// <param name="Versions">Every version, ordered by valid-from (since-always first); empty when the store never held the code.</param>
/// <param name="ChangeSets">The change sets that opened or closed one of them, oldest first.</param>
public sealed record LineHistory(string Code, ImmutableArray<StoredLine> Versions, ImmutableArray<ChangeSetRecord> ChangeSets);
