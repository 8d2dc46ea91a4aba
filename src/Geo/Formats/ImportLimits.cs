namespace Boundaries.Geo.Formats;

/// <summary>How big an imported file and its lines may be; readers refuse more with <see cref="ImportLimitException"/>.</summary>
public sealed record ImportLimits
{
    /// <summary>All defaults.</summary>
    public static ImportLimits Default { get; } = new();

    /// <summary>Largest file read, in bytes. Default 4 GiB.</summary>
    public long MaxFileBytes { get; init; } = 4L << 30;

    /// <summary>
    /// Longest line of a line-oriented file (NMEA, RTKLIB .pos, CASS .dat, CSV, GSI, RW5), in bytes; XML and JSON are not
    /// counted by lines. Default 16 MiB (a division CSV carries a whole polygon as WKT on one line).
    /// </summary>
    public int MaxLineBytes { get; init; } = 16 << 20;
}
