using System.Text.Json;

namespace Boundaries.Cli.Commands;

/// <summary>Enum values as the JSON output spells them (snake_case).</summary>
internal static class SurveyNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
