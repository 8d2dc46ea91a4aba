namespace Boundaries.Geo.Formats;

/// <summary>
/// Input that cannot be used at all: a truncated or malformed file, a missing companion file, an unknown
/// coordinate system, a feature without its code. The message names the place (file, line or feature, field)
/// and the reason; the same facts are kept in properties for callers that render them differently.
/// </summary>
public class BoundariesFormatException : Exception
{
    /// <summary>Creates the exception; <paramref name="reason"/> says why, the other arguments say where.</summary>
    public BoundariesFormatException(string reason, string? path = null, long? line = null, string? feature = null, string? field = null, Exception? inner = null)
        : base(Compose(reason, path, line, feature, field), inner)
    {
        Reason = reason;
        Path = path;
        Line = line;
        Feature = feature;
        Field = field;
    }

    /// <summary>Why the input cannot be used.</summary>
    public string Reason { get; }

    /// <summary>The file; <c>null</c> when reading a stream with no name.</summary>
    public string? Path { get; }

    /// <summary>1-based line number, when the format has lines.</summary>
    public long? Line { get; }

    /// <summary>The feature: its 0-based index as text (<c>#12</c>) or its code.</summary>
    public string? Feature { get; }

    /// <summary>The field or property concerned.</summary>
    public string? Field { get; }

    private static string Compose(string reason, string? path, long? line, string? feature, string? field)
    {
        var where = new List<string>(4);
        if (path is not null)
        {
            where.Add(path);
        }
        if (line is not null)
        {
            where.Add($"line {line}");
        }
        if (feature is not null)
        {
            where.Add($"feature {feature}");
        }
        if (field is not null)
        {
            where.Add($"field '{field}'");
        }
        return where.Count == 0 ? reason : $"{string.Join(", ", where)}: {reason}";
    }
}
