namespace Boundaries.Geo.Locate;

/// <summary>
/// The level indexes valid from <see cref="From"/> until the next snapshot's start: within that interval no
/// division begins or ends.
/// </summary>
/// <param name="From">First day of the interval; <c>null</c> = since always.</param>
/// <param name="Levels">One index per level of the locator, top down.</param>
internal sealed record LocatorSnapshot(DateOnly? From, LevelIndex[] Levels);
