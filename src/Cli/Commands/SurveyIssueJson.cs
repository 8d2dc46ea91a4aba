using Boundaries.Survey.Model;

namespace Boundaries.Cli.Commands;

/// <summary>An issue as JSON: line, code, severity, field, message.</summary>
internal sealed record SurveyIssueJson(long Line, string Code, string Severity, string? Field, string Message)
{
    public static SurveyIssueJson Of(SurveyIssue i) =>
        new(i.Line, SurveyNames.Of(i.Code), SurveyNames.Of(i.Severity), i.Field, i.Message);
}
