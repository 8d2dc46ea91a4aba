using System.Collections.Immutable;
using System.Text.Json;

namespace Boundaries.Geo.Validation;

/// <summary>
/// Reads a list of accepted findings (exceptions), as JSON: an array, or an object with an <c>exceptions</c> array, of
/// <c>{ "code": "gap", "divisions": ["120101001", "120101002"], "reason": "lake" }</c>; <c>divisions</c> may be left out
/// to accept every finding of the code.
/// </summary>
public static class ValidationExceptions
{
    /// <summary>Parses the JSON text.</summary>
    /// <exception cref="FormatException">The text is not such a list; the message says which entry and why.</exception>
    public static ImmutableArray<AcceptedFinding> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"exceptions: not JSON ({ex.Message})", ex);
        }
        using (document)
        {
            var root = document.RootElement;
            var list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("exceptions", out var e) ? e : root;
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("exceptions: expected an array, or an object with an \"exceptions\" array");
            }
            var result = ImmutableArray.CreateBuilder<AcceptedFinding>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("code", out var codeElement) || codeElement.ValueKind != JsonValueKind.String)
                {
                    throw new FormatException($"exceptions: entry {index} has no \"code\" string");
                }
                if (!FindingCodes.TryParse(codeElement.GetString(), out var code))
                {
                    throw new FormatException($"exceptions: entry {index}: '{codeElement.GetString()}' is not a finding code");
                }
                var divisions = ImmutableArray<string>.Empty;
                if (item.TryGetProperty("divisions", out var d))
                {
                    if (d.ValueKind != JsonValueKind.Array || d.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
                    {
                        throw new FormatException($"exceptions: entry {index}: \"divisions\" must be an array of codes");
                    }
                    divisions = [.. d.EnumerateArray().Select(x => x.GetString()!)];
                }
                var reason = item.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
                result.Add(new AcceptedFinding(code.Value, divisions, reason));
            }
            return result.ToImmutable();
        }
    }
}
