namespace Boundaries.Survey.Model;

/// <summary>
/// One finding while reading a survey file, tied to its 1-based <paramref name="Line"/> (0 when the format has no
/// lines) and, when known, the <paramref name="Field"/>. Severity Error means the line's data was rejected.
/// </summary>
public sealed record SurveyIssue(SurveyIssueCode Code, IssueSeverity Severity, string Message, long Line, string? Field = null);
