using System.Text;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Survey.Formats;
using Boundaries.Survey.Model;
using Boundaries.Survey.Nmea;

namespace Boundaries.Survey.Reading;

/// <summary>
/// Reads any supported survey file: NMEA 0183, GPX, RTKLIB .pos, South CASS .dat, CSV with a column map, Leica GSI,
/// Carlson RW5, and KML/KMZ through the GDAL bridge (libgdal). Bad records become issues with their line numbers; a file that cannot be read at all throws
/// <see cref="BoundariesFormatException"/> naming the file and line.
/// </summary>
public static class SurveyReader
{
    /// <summary>Reads a file into memory. The format comes from <see cref="SurveyReadOptions.Format"/>, else <see cref="DetectFormat"/>.</summary>
    public static ImportResult Read(string path, SurveyReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new SurveyReadOptions();
        var format = options.Format ?? DetectFormat(path);
        CheckSize(path, options.Limits);
        if (format == SurveyFormat.Kml)
        {
            return ReadThroughGdal(path, new SurveyCollector(options, null), path);
        }
        using var stream = File.OpenRead(path);
        return Read(stream, format, options, path);
    }

    /// <summary>Streams a file's points to <paramref name="onPoint"/> in constant memory; the result has no points.</summary>
    public static ImportResult Read(string path, Action<SurveyPoint> onPoint, SurveyReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(onPoint);
        options ??= new SurveyReadOptions();
        var format = options.Format ?? DetectFormat(path);
        CheckSize(path, options.Limits);
        if (format == SurveyFormat.Kml)
        {
            return ReadThroughGdal(path, new SurveyCollector(options, onPoint), path);
        }
        using var stream = File.OpenRead(path);
        return Run(stream, format, new SurveyCollector(options, onPoint), path);
    }

    /// <summary>Reads a stream of the given format; <paramref name="source"/> names it in the result and in errors.</summary>
    public static ImportResult Read(Stream stream, SurveyFormat format, SurveyReadOptions? options = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Run(stream, format, new SurveyCollector(options ?? new SurveyReadOptions(), null), source);
    }

    /// <summary>
    /// The format of a file from its extension (.nmea .log → NMEA, .gpx, .pos, .dat → CASS, .csv, .gsi, .rw5, .kml .kmz), else
    /// from its first bytes. Throws <see cref="BoundariesFormatException"/> when neither tells.
    /// </summary>
    public static SurveyFormat DetectFormat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".nmea" or ".nma":
                return SurveyFormat.Nmea;
            case ".gpx":
                return SurveyFormat.Gpx;
            case ".pos":
                return SurveyFormat.RtklibPos;
            case ".dat":
                return SurveyFormat.CassDat;
            case ".csv":
                return SurveyFormat.Csv;
            case ".gsi":
                return SurveyFormat.LeicaGsi;
            case ".rw5":
                return SurveyFormat.CarlsonRw5;
            case ".kml" or ".kmz":
                return SurveyFormat.Kml;
        }
        var head = new byte[512];
        int n;
        using (var s = File.OpenRead(path))
        {
            n = s.Read(head);
        }
        var text = head[..n].AsSpan();
        if (text.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || text.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return SurveyFormat.Nmea; // UTF-16 with a mark: only NMEA logs come that way
        }
        var t = Encoding.Latin1.GetString(text).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (t.StartsWith('$') || t.StartsWith('#'))
        {
            return SurveyFormat.Nmea;
        }
        if (t.StartsWith("<?xml", StringComparison.Ordinal) && t.Contains("<gpx", StringComparison.Ordinal))
        {
            return SurveyFormat.Gpx;
        }
        if (t.StartsWith("<?xml", StringComparison.Ordinal) && t.Contains("<kml", StringComparison.Ordinal))
        {
            return SurveyFormat.Kml;
        }
        if (t.StartsWith('%'))
        {
            return SurveyFormat.RtklibPos;
        }
        if (t.StartsWith("*11", StringComparison.Ordinal) || t.StartsWith("11", StringComparison.Ordinal))
        {
            return SurveyFormat.LeicaGsi;
        }
        if (t.StartsWith("--", StringComparison.Ordinal) || t.StartsWith("JB,", StringComparison.Ordinal))
        {
            return SurveyFormat.CarlsonRw5;
        }
        throw new BoundariesFormatException("not a survey file this toolkit reads (NMEA, GPX, RTKLIB .pos, CASS .dat, CSV, GSI, RW5, KML); pass the format explicitly", path, 1);
    }

    private static void CheckSize(string path, ImportLimits limits)
    {
        if (File.Exists(path) && new FileInfo(path).Length > limits.MaxFileBytes)
        {
            throw ImportLimitException.FileTooLarge(path, limits.MaxFileBytes);
        }
    }

    private static ImportResult Run(Stream input, SurveyFormat format, SurveyCollector sink, string? source)
    {
        try
        {
            return RunLimited(input, format, sink, source);
        }
        catch (BoundariesFormatException ex) when (ex.Path is null && source is not null && ex is not ImportLimitException)
        {
            // A reader that knows only the line (the CSV header check) is refused naming the file as well.
            throw new BoundariesFormatException(ex.Reason, source, ex.Line, ex.Feature, ex.Field, ex);
        }
    }

    private static ImportResult RunLimited(Stream input, SurveyFormat format, SurveyCollector sink, string? source)
    {
        var options = sink.Options;
        // Every reader sees the import through the limits: a file over MaxFileBytes or (line formats) a line over
        // MaxLineBytes is refused with its file and line before it is buffered.
        using var stream = new ImportLimitStream(input, options.Limits, source, countLines: format is not (SurveyFormat.Gpx or SurveyFormat.Kml));
        CrsCode? crs = options.Crs;
        switch (format)
        {
            case SurveyFormat.Nmea:
                NmeaReader.ReadInto(stream, sink);
                crs = CrsCode.Wgs84;
                break;
            case SurveyFormat.Gpx:
                GpxReader.ReadInto(stream, sink, source);
                crs = CrsCode.Wgs84;
                break;
            case SurveyFormat.RtklibPos:
                RtklibPosReader.ReadInto(stream, sink, source);
                crs = CrsCode.Wgs84;
                break;
            case SurveyFormat.CassDat:
                CassDatReader.ReadInto(stream, sink);
                break;
            case SurveyFormat.Csv:
                CsvSurveyReader.ReadInto(stream, sink);
                crs ??= options.Csv is { Geographic: true } ? CrsCode.Wgs84 : null;
                break;
            case SurveyFormat.LeicaGsi:
                LeicaGsiReader.ReadInto(stream, sink);
                break;
            case SurveyFormat.CarlsonRw5:
                CarlsonRw5Reader.ReadInto(stream, sink);
                break;
            case SurveyFormat.Kml:
                // GDAL opens files: a KML stream goes through a temporary file
                var temp = Path.Combine(Path.GetTempPath(), $"boundaries-{Guid.NewGuid():N}.kml");
                try
                {
                    using (var file = File.Create(temp))
                    {
                        stream.CopyTo(file);
                    }
                    return ReadThroughGdal(temp, sink, source);
                }
                finally
                {
                    File.Delete(temp);
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown survey format");
        }
        return sink.Result(source, format, crs);
    }

    private static ImportResult ReadThroughGdal(string path, SurveyCollector sink, string? source)
    {
        KmlSurveyReader.ReadInto(path, sink);
        return sink.Result(source, SurveyFormat.Kml, CrsCode.Wgs84);
    }
}
