namespace Boundaries.Cli.Commands;

/// <summary>One file's points through the quality gate of <c>survey import --policy</c>.</summary>
/// <param name="Policy"><c>marker</c> or <c>line</c>.</param>
/// <param name="Accepted">Points the policy accepted.</param>
/// <param name="Rejected">Points it rejected.</param>
/// <param name="RejectedByReason">The rejected points counted by reason (snake_case names), every one.</param>
internal sealed record SurveyImportGate(string Policy, long Accepted, long Rejected, IReadOnlyDictionary<string, long> RejectedByReason);
