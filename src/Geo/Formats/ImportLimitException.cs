namespace Boundaries.Geo.Formats;

/// <summary>An import over an <see cref="ImportLimits"/> limit: the file is too large or a line too long. Names file, line and limit.</summary>
public sealed class ImportLimitException : BoundariesFormatException
{
    private ImportLimitException(string reason, string? path, long? line, ImportLimitKind kind, long limit)
        : base(reason, path, line)
    {
        Kind = kind;
        Limit = limit;
    }

    /// <summary>Which limit was reached.</summary>
    public ImportLimitKind Kind { get; }

    /// <summary>The limit, in bytes.</summary>
    public long Limit { get; }

    /// <summary>The file is larger than <paramref name="limit"/> bytes.</summary>
    public static ImportLimitException FileTooLarge(string? path, long limit) =>
        new($"the file is larger than the import limit of {limit} bytes", path, null, ImportLimitKind.FileSize, limit);

    /// <summary>Line <paramref name="line"/> is longer than <paramref name="limit"/> bytes.</summary>
    public static ImportLimitException LineTooLong(string? path, long line, long limit) =>
        new($"the line is longer than the import limit of {limit} bytes", path, line, ImportLimitKind.LineLength, limit);
}
