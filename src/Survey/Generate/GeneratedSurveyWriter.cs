using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Boundaries.Geo.Formats;

namespace Boundaries.Survey.Generate;

/// <summary>Writes a generated survey into a folder: its files and <c>truth.json</c>; reads the truth back.</summary>
public static class GeneratedSurveyWriter
{
    /// <summary>The ground-truth file name inside the folder.</summary>
    public const string TruthFileName = "truth.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        NewLine = "\n",
    };

    /// <summary>Creates <paramref name="directory"/> if needed and writes every file (UTF-8, no BOM) and the truth.</summary>
    public static void Write(GeneratedSurvey survey, string directory)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        foreach (var file in survey.Files)
        {
            AtomicFile.WriteText(Path.Combine(directory, file.Name), file.Text);
        }
        AtomicFile.WriteText(Path.Combine(directory, TruthFileName), JsonSerializer.Serialize(survey.Truth, Json));
    }

    /// <summary>Reads a <c>truth.json</c>; throws <see cref="JsonException"/> when it is not one.</summary>
    public static SurveyTruth ReadTruth(string path) =>
        JsonSerializer.Deserialize<SurveyTruth>(File.ReadAllText(path, Encoding.UTF8), Json) ?? throw new JsonException($"{path}: truth is null");
}
