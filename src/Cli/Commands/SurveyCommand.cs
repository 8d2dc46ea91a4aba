using System.CommandLine;

namespace Boundaries.Cli.Commands;

/// <summary><c>boundaries survey …</c>: the field-survey verbs (import, progress, registers).</summary>
internal static class SurveyCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("survey", "GNSS and field-survey data / 外业测量数据")
        {
            SurveyImportCommand.Create(output, error),
            SurveyProgressCommand.Create(output, error),
            SurveyRegistersCommand.Create(output, error),
            SurveyConflateCommand.Create(output, error),
        };
}
