using Boundaries.Geo.Crs;
using Boundaries.Survey.Model;

namespace Boundaries.Survey.Reading;

/// <summary>How survey files are read. Every default is stated; <c>new SurveyReadOptions()</c> suits most files.</summary>
public sealed record SurveyReadOptions
{
    /// <summary>The format; null (default) picks it from the extension, then from the first lines.</summary>
    public SurveyFormat? Format { get; init; }

    /// <summary>Bad NMEA checksums: <see cref="ChecksumPolicy.Reject"/> by default.</summary>
    public ChecksumPolicy Checksum { get; init; } = ChecksumPolicy.Reject;

    /// <summary>
    /// The UTC date of the first NMEA epoch for logs whose first sentences carry no date (GGA-only logs); later
    /// dates come from RMC/ZDA, and midnight roll-over advances the date. Null (default): epochs before the first
    /// RMC/ZDA date have no date.
    /// </summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>
    /// GPS week roll-over repair: a receiver date before this cut-off is moved forward by 1024 weeks (7168 days) until
    /// it is on or after it, with a warning. Default 2000-01-01 (repairs the 1999 dates of receivers hit by the
    /// April 2019 roll-over only partly: set it to the start of your survey campaign to repair every such date).
    /// </summary>
    public DateOnly GpsWeekRolloverCutoff { get; init; } = new(2000, 1, 1);

    /// <summary>The coordinate system of grid files (CASS, CSV with E/N). Null (default): unknown / local grid.</summary>
    public CrsCode? Crs { get; init; }

    /// <summary>The column map for CSV files; null (default) finds columns by their header names.</summary>
    public CsvColumnMap? Csv { get; init; }

    /// <summary>Largest file and longest line read (<see cref="Geo.Formats.ImportLimits.Default"/>: 4 GiB, 16 MiB); more is refused naming file and line.</summary>
    public Geo.Formats.ImportLimits Limits { get; init; } = Geo.Formats.ImportLimits.Default;

    /// <summary>How many issues a result keeps (default 10,000); the counts include all of them.</summary>
    public int MaxIssuesKept { get; init; } = 10_000;
}
