using System.Collections.Immutable;

namespace Boundaries.Viewer.Sources;

/// <summary>One saved edit (a change set): who made it, why, when, and what it touched.</summary>
/// <param name="Id">A new id per change (<c>yyyyMMddHHmmssfff-xxxxxx</c>).</param>
/// <param name="Author">Who made the edit, as given; never empty.</param>
/// <param name="Reason">Why, as given; never empty.</param>
/// <param name="At">When it was saved (UTC).</param>
/// <param name="Kind">What kind of edit (<c>line-edit</c>).</param>
/// <param name="Divisions">The codes of the divisions whose geometry changed, sorted.</param>
/// <param name="Status">Always <c>draft</c> for edits from the map: a planner approves them later.</param>
/// <param name="Detail">What was edited, e.g. <c>township line 12: 9 -> 11 vertices</c>.</param>
public sealed record BoundaryChange(string Id, string Author, string Reason, DateTimeOffset At, string Kind,
    ImmutableArray<string> Divisions, string Status, string Detail);
