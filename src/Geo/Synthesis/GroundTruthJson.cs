using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Boundaries.Geo.Synthesis;

/// <summary>
/// Reads and writes the ground-truth manifest (<c>CITY.truth.json</c>): snake_case names, Chinese as text (not
/// <c>\u</c> escapes), absent measures left out, indented, LF line endings.
/// </summary>
public static class GroundTruthJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        NewLine = "\n",
    };

    /// <summary>The manifest as JSON text.</summary>
    public static string Serialize(GroundTruth truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        return JsonSerializer.Serialize(truth, Options);
    }

    /// <summary>Writes the manifest to <paramref name="path"/> as UTF-8 without BOM, whole or not at all.</summary>
    public static void Write(GroundTruth truth, string path)
    {
        Formats.AtomicFile.WriteText(path, Serialize(truth));
    }

    /// <summary>Reads a manifest; throws <see cref="JsonException"/> when the text is not one.</summary>
    public static GroundTruth Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<GroundTruth>(json, Options) ?? throw new JsonException("manifest is null");
    }
}
