namespace Boundaries.Store.Lines;

/// <summary>A stored node: nodes are kept per topology build, in force from the build's effective date until the next build of the level.</summary>
/// <param name="Node">The node.</param>
/// <param name="ValidFrom">First day in force; <c>null</c> = since always.</param>
/// <param name="ValidTo">First day no longer in force (exclusive); <c>null</c> = in force.</param>
/// <param name="CreatedBy">The change set (topology build) that stored it.</param>
public sealed record StoredNode(NodeRecord Node, DateOnly? ValidFrom, DateOnly? ValidTo, long CreatedBy);
