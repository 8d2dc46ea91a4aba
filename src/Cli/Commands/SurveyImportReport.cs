using Boundaries.Survey.Model;

namespace Boundaries.Cli.Commands;

/// <summary>One file's import: accepted points, rejected lines with reasons, counts by quality, optionally the points.</summary>
internal sealed record SurveyImportReport(
    string File,
    string Format,
    string? Crs,
    long Lines,
    long Points,
    long RejectedCount,
    IReadOnlyList<SurveyIssueJson> Rejected,
    IReadOnlyList<SurveyIssueJson> Warnings,
    IReadOnlyDictionary<string, long> ByQuality,
    IReadOnlyDictionary<string, long> IssuesByCode,
    IReadOnlyDictionary<string, long> RecordsByType,
    long IssuesNotListed,
    IReadOnlyList<SurveyPointJson>? PointList)
{
    /// <summary>The quality gate's outcome when <c>--policy</c> was given; null otherwise.</summary>
    public SurveyImportGate? Quality { get; init; }

    public static SurveyImportReport Of(ImportResult r, bool withPoints) => new(
        r.Batch.Source ?? "",
        SurveyNames.Of(r.Batch.Format),
        r.Batch.Crs?.ToString(),
        r.Counts.Lines,
        r.Counts.Points,
        r.Counts.RejectedLines,
        [.. r.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(SurveyIssueJson.Of)],
        [.. r.Issues.Where(i => i.Severity != IssueSeverity.Error).Select(SurveyIssueJson.Of)],
        r.Counts.PointsByQuality.ToDictionary(kv => SurveyNames.Of(kv.Key), kv => kv.Value),
        r.Counts.IssuesByCode.ToDictionary(kv => SurveyNames.Of(kv.Key), kv => kv.Value),
        r.Counts.RecordsByType,
        r.Counts.IssuesNotKept,
        withPoints ? [.. r.Batch.Points.Select(SurveyPointJson.Of)] : null);
}
