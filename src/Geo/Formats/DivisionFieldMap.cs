using System.Collections.Immutable;
using System.Globalization;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Formats;

/// <summary>
/// Applies a <see cref="DivisionReadOptions"/> field map to one feature's properties and geometry, giving a
/// <see cref="Division"/> or a <see cref="BoundariesFormatException"/> that names the file, the feature and the field.
/// Property values are expected normalised to <c>string</c>, <c>long</c>, <c>double</c>, <c>bool</c>,
/// <c>DateOnly</c> or <c>null</c>.
/// </summary>
internal sealed class DivisionFieldMap(DivisionReadOptions options, string path)
{
    /// <summary>The field name that means "the feature id" (GeoJSON).</summary>
    public const string FeatureIdField = "id";

    public DivisionReadOptions Options { get; } = options;

    /// <summary>
    /// Maps one feature. <paramref name="index"/> is 0-based; <paramref name="line"/> is given for line formats;
    /// <paramref name="layerLevel"/> is the level a GeoPackage layer name implies; <paramref name="layer"/> prefixes
    /// the feature index in messages (<c>township#3</c>).
    /// </summary>
    public Division Map(
        long index,
        IReadOnlyList<KeyValuePair<string, object?>> properties,
        Geometry? geometry,
        bool hasFeatureId = false,
        object? featureId = null,
        long? line = null,
        DivisionLevel? layerLevel = null,
        string? layer = null)
    {
        var feature = $"{layer}#{index}";
        var used = new HashSet<string>(StringComparer.Ordinal);

        string code;
        if (hasFeatureId && Options.CodeField == FeatureIdField)
        {
            code = AsText(featureId) ?? "";
            if (code.Length == 0)
            {
                throw new BoundariesFormatException("the feature has no id, and the field map takes the code from the feature id", path, line, feature, FeatureIdField);
            }
        }
        else
        {
            code = AsText(Find(properties, Options.CodeField, used)) ?? "";
            if (code.Length == 0)
            {
                throw new BoundariesFormatException("no division code (missing or empty); set the code field of the field map if the code is elsewhere", path, line, feature, Options.CodeField);
            }
        }
        feature = $"{layer}#{index} ({code})";

        var name = AsText(Find(properties, Options.NameField, used)) ?? "";
        var parent = AsText(Find(properties, Options.ParentField, used));
        if (parent?.Length == 0)
        {
            parent = null;
        }

        var levelValue = Find(properties, Options.LevelField, used);
        DivisionLevel level;
        if (Options.Level is { } fixedLevel)
        {
            level = fixedLevel;
        }
        else if (AsText(levelValue) is { Length: > 0 } levelText)
        {
            level = DivisionLevels.TryParse(levelText, out var parsed)
                ? parsed.Value
                : throw new BoundariesFormatException($"'{levelText}' is not a division level; use province, prefecture, district, township or community", path, line, feature, Options.LevelField);
        }
        else if (layerLevel is { } fromLayer)
        {
            level = fromLayer;
        }
        else
        {
            throw new BoundariesFormatException("no level; give the level field or a fixed level in the field map", path, line, feature, Options.LevelField);
        }

        var validFrom = AsDate(Find(properties, Options.ValidFromField, used), feature, Options.ValidFromField, line);
        var validTo = AsDate(Find(properties, Options.ValidToField, used), feature, Options.ValidToField, line);

        if (geometry is null)
        {
            throw new BoundariesFormatException("no geometry", path, line, feature, "geometry");
        }
        if (geometry is not (Polygon or MultiPolygon))
        {
            throw new BoundariesFormatException($"geometry is a {geometry.GeometryType}; a division needs a Polygon or MultiPolygon", path, line, feature, "geometry");
        }

        var attributes = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            if (!used.Contains(key))
            {
                attributes[key] = value;
            }
        }
        return new Division(code, name, level, parent, geometry, validFrom, validTo) { Attributes = attributes.ToImmutable() };
    }

    /// <summary>Finds a property by exact name, else ignoring case; records the key used.</summary>
    private static object? Find(IReadOnlyList<KeyValuePair<string, object?>> properties, string field, HashSet<string> used)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            var comparison = pass == 0 ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            foreach (var (key, value) in properties)
            {
                if (string.Equals(key, field, comparison))
                {
                    used.Add(key);
                    return value;
                }
            }
        }
        return null;
    }

    /// <summary>Text of a scalar property: integral numbers without a decimal point; <c>null</c> stays null.</summary>
    internal static string? AsText(object? value) => value switch
    {
        null => null,
        string s => s.Trim(),
        double d when Math.Abs(d) < 1e15 && d == Math.Floor(d) => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private DateOnly? AsDate(object? value, string feature, string field, long? line)
    {
        switch (value)
        {
            case null:
                return null;
            case DateOnly date:
                return date;
            case DateTime dateTime:
                return DateOnly.FromDateTime(dateTime);
        }
        var text = AsText(value);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : throw new BoundariesFormatException($"'{text}' is not an ISO date (yyyy-MM-dd)", path, line, feature, field);
    }
}
