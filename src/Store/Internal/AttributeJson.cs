using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Boundaries.Store.Internal;

/// <summary>
/// Division attributes as a JSON object (PostGIS jsonb, a GeoPackage TEXT column). Strings, numbers and booleans come back
/// as string, long or double, and bool; dates and other values are kept as their invariant text.
/// </summary>
internal static class AttributeJson
{
    public static string Write(ImmutableDictionary<string, object?> attributes)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (key, value) in attributes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WritePropertyName(key);
                switch (value)
                {
                    case null: json.WriteNullValue(); break;
                    case bool b: json.WriteBooleanValue(b); break;
                    case long or int or short or byte or sbyte or ushort or uint: json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
                    case double or float or decimal: json.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture)); break;
                    case DateOnly date: json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                    case IFormattable f: json.WriteStringValue(f.ToString(null, CultureInfo.InvariantCulture)); break;
                    default: json.WriteStringValue(value.ToString()); break;
                }
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static ImmutableDictionary<string, object?> Read(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ImmutableDictionary<string, object?>.Empty;
        }
        using var doc = JsonDocument.Parse(text);
        var builder = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            builder[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number when p.Value.TryGetInt64(out var l) => l,
                JsonValueKind.Number => p.Value.GetDouble(),
                JsonValueKind.Null => null,
                _ => p.Value.GetRawText(),
            };
        }
        return builder.ToImmutable();
    }
}
