using System.Collections.Immutable;

namespace Boundaries.Survey.Model;

/// <summary>
/// The result of reading one survey file: the points, every issue with its line (up to
/// <c>SurveyReadOptions.MaxIssuesKept</c>; the counts include the rest), and the counts.
/// </summary>
public sealed record ImportResult(SurveyBatch Batch, ImmutableArray<SurveyIssue> Issues, ImportCounts Counts);
