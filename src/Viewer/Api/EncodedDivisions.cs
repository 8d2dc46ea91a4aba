using System.Text.Encodings.Web;
using System.Text.Json;
using Boundaries.Geo.Locate;
using Boundaries.Geo.Model;

namespace Boundaries.Viewer.Api;

/// <summary>
/// The division codes, names and level names of one snapshot, JSON-encoded once (with the API's relaxed escaping)
/// so the single lookup writes them without encoding per request.
/// </summary>
internal sealed class EncodedDivisions
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly JsonEncodedText[] _codes;
    private readonly JsonEncodedText?[] _names;
    private readonly JsonEncodedText[] _levels;

    public EncodedDivisions(DivisionLocator locator)
    {
        var divisions = locator.Divisions;
        _codes = new JsonEncodedText[divisions.Length];
        _names = new JsonEncodedText?[divisions.Length];
        for (var i = 0; i < divisions.Length; i++)
        {
            _codes[i] = JsonEncodedText.Encode(divisions[i].Code, Encoder);
            _names[i] = divisions[i].Name is { } name ? JsonEncodedText.Encode(name, Encoder) : null;
        }
        _levels = [.. locator.Levels.Select(l => JsonEncodedText.Encode(l.Name(), Encoder))];
    }

    public JsonEncodedText Code(int division) => _codes[division];

    /// <summary>The name; <c>null</c> when the division has none (the member is then left out, as the serializer does).</summary>
    public JsonEncodedText? Name(int division) => _names[division];

    public JsonEncodedText Level(int level) => _levels[level];
}
