namespace Boundaries.Cli.Commands;

/// <summary>The JSON result of <c>survey import</c>: one report per file, and what was written.</summary>
internal sealed record SurveyImportSummary(IReadOnlyList<SurveyImportReport> Files, string? Output, long Written);
