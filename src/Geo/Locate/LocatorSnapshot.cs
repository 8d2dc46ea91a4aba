namespace Boundaries.Geo.Locate;

/// <summary>
/// The level indexes valid from <see cref="From"/> until the next snapshot's start: within that interval no
/// division begins or ends.
/// </summary>
/// <param name="From">First day of the interval; <c>null</c> = since always.</param>
/// <param name="Levels">One index per level of the locator, top down.</param>
/// <param name="ParentFromBelow">
/// Per level <c>l</c> (all but the last): when level <c>l + 1</c> nests exactly in level <c>l</c> (see
/// <see cref="LevelNesting"/>), the table from a level-<c>l + 1</c> division to its level-<c>l</c> parent; otherwise <c>null</c>.
/// </param>
internal sealed record LocatorSnapshot(DateOnly? From, LevelIndex[] Levels, int[]?[] ParentFromBelow);
