using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetTopologySuite.IO.Converters;

namespace Boundaries.Viewer.Api;

/// <summary>JSON settings of the API: snake_case, nulls left out, Chinese as text, GeoJSON geometries.</summary>
public static class ViewerJson
{
    /// <summary>The settings used for every JSON answer (and by the CLI for <c>locate --format json</c>).</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>For OGC API documents, whose member names are fixed by the standard (camelCase as written).</summary>
    internal static JsonSerializerOptions Ogc { get; } = Create(indented: false, policy: null, geometries: false);

    /// <summary>As <see cref="Options"/>, indented.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented) => Create(indented, JsonNamingPolicy.SnakeCaseLower, geometries: true);

    private static JsonSerializerOptions Create(bool indented, JsonNamingPolicy? policy, bool geometries)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = indented,
            PropertyNamingPolicy = policy,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        if (geometries)
        {
            options.Converters.Add(new GeoJsonConverterFactory());
        }
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
