namespace Boundaries.Survey.Reading;

/// <summary>
/// Which CSV column holds what, by header name (case-insensitive) or by 0-based index as text ("2"). Defaults name
/// the usual headers; <see cref="X"/> and <see cref="Y"/> are required, the rest optional (null: not read).
/// </summary>
public sealed record CsvColumnMap
{
    /// <summary>Point name column. Default <c>name</c>.</summary>
    public string? Name { get; init; } = "name";

    /// <summary>Feature code column. Default <c>code</c>.</summary>
    public string? Code { get; init; } = "code";

    /// <summary>Longitude or easting column. Default <c>x</c> (also matched: lon, longitude, e, easting).</summary>
    public string X { get; init; } = "x";

    /// <summary>Latitude or northing column. Default <c>y</c> (also matched: lat, latitude, n, northing).</summary>
    public string Y { get; init; } = "y";

    /// <summary>Height column. Default <c>h</c> (also matched: z, height, ele, elevation).</summary>
    public string? Height { get; init; } = "h";

    /// <summary>Fix quality column: a GGA code 0–8 or a scale name (rtk_fixed …). Default <c>quality</c>.</summary>
    public string? Quality { get; init; } = "quality";

    /// <summary>Horizontal 1-σ column in metres (split equally into north and east σ). Default <c>sigma</c>.</summary>
    public string? SigmaHorizontal { get; init; } = "sigma";

    /// <summary>UTC time column (ISO 8601). Default <c>time</c>.</summary>
    public string? Time { get; init; } = "time";

    /// <summary>Field delimiter. Default comma.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Whether the first line is a header. Default true; without one, columns must be given as indices.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Whether X/Y are longitude/latitude (true) or easting/northing (false, default).</summary>
    public bool Geographic { get; init; }
}
