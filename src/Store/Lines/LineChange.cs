namespace Boundaries.Store.Lines;

/// <summary>One line's part of a <see cref="LineChangeSet"/>.</summary>
/// <param name="Code">The line changed.</param>
/// <param name="BaseVersionId">The <see cref="StoredLine.VersionId"/> the editor started from; <c>null</c> to create a line
/// that has no version in force.</param>
/// <param name="Replacement">The new version (valid from the change set's effective date); <c>null</c> retires the line.</param>
public sealed record LineChange(string Code, long? BaseVersionId, LineRecord? Replacement);
