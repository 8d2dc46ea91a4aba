using System.Buffers;
using System.Globalization;
using System.Text;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;

namespace Boundaries.Geo.Locate;

/// <summary>
/// Streams a CSV file of points (a header naming columns <c>x</c> and <c>y</c> — or <c>lon</c>/<c>lat</c> —, usually
/// <c>id,x,y</c>) through a <see cref="DivisionLocator"/>: each input line is written back unchanged followed by one
/// column per level of the locator (the code of the division holding the point, empty when none does) and
/// <c>on_boundary</c> (<c>true</c>/<c>false</c>). Reads and writes one chunk at a time, so memory stays flat however
/// many points pass; each chunk is located on all cores.
/// </summary>
/// <remarks>Fields may be quoted (RFC 4180); blank lines are dropped; line ends may be LF or CRLF (the output uses LF).</remarks>
public static class PointCsvLocator
{
    private static readonly byte[] True = ",true\n"u8.ToArray();
    private static readonly byte[] False = ",false\n"u8.ToArray();

    /// <summary>Reads <paramref name="input"/> to its end and writes the answered lines to <paramref name="output"/>.</summary>
    /// <returns>The number of points answered.</returns>
    /// <exception cref="BoundariesFormatException">The header has no x/y columns, or a line has no number there (names the line and field).</exception>
    public static async Task<long> LocateAsync(DivisionLocator locator, Stream input, Stream output,
        PointCsvOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(locator);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        options ??= PointCsvOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkPoints, 1, nameof(options));
        var codes = CodeColumns(locator);
        var levels = locator.Levels.Length;
        var reader = new CsvLineReader(input);
        var header = await reader.NextAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new BoundariesFormatException("the CSV is empty: it needs a header with columns x and y (or lon and lat)", options.SourceName, 1);
        var (xCol, yCol) = FindColumns(header.Span, options.SourceName);
        var chunk = options.ChunkPoints;
        var x = new double[chunk];
        var y = new double[chunk];
        var result = new int[chunk * levels];
        var flags = new LocateFlags[chunk];
        var lines = new ArrayBufferWriter<byte>(1 << 20);
        var ends = new int[chunk];
        var outBuffer = new ArrayBufferWriter<byte>(1 << 20);

        outBuffer.Write(header.Span);
        foreach (var level in locator.Levels)
        {
            outBuffer.Write(","u8);
            outBuffer.Write(Encoding.UTF8.GetBytes(level.Name()));
        }
        outBuffer.Write(",on_boundary\n"u8);

        long total = 0;
        var eof = false;
        while (!eof)
        {
            var n = 0;
            lines.ResetWrittenCount();
            while (n < chunk)
            {
                var line = await reader.NextAsync(cancellationToken).ConfigureAwait(false);
                if (line is not { } l)
                {
                    eof = true;
                    break;
                }
                if (l.IsEmpty)
                {
                    continue;
                }
                (x[n], y[n]) = ParsePoint(l.Span, xCol, yCol, reader.LineNumber, options.SourceName);
                lines.Write(l.Span);
                ends[n] = lines.WrittenCount;
                n++;
            }
            if (n > 0)
            {
                locator.LocateBatch(x.AsSpan(0, n), y.AsSpan(0, n), result.AsSpan(0, n * levels), flags.AsSpan(0, n),
                    options.At, options.Crs, options.MaxDegreeOfParallelism);
                var text = lines.WrittenSpan;
                for (int i = 0, start = 0; i < n; i++)
                {
                    outBuffer.Write(text[start..ends[i]]);
                    start = ends[i];
                    for (var l = 0; l < levels; l++)
                    {
                        var d = result[i * levels + l];
                        outBuffer.Write(d >= 0 ? codes[d] : ","u8);
                    }
                    outBuffer.Write((flags[i] & LocateFlags.OnBoundary) != 0 ? True : False);
                }
                total += n;
            }
            await output.WriteAsync(outBuffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            outBuffer.ResetWrittenCount();
        }
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return total;
    }

    /// <summary>",code" per division, quoted when the code needs it.</summary>
    private static byte[][] CodeColumns(DivisionLocator locator) =>
        [.. locator.Divisions.Select(d => Encoding.UTF8.GetBytes("," + CsvField(d.Code)))];

    internal static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static (int X, int Y) FindColumns(ReadOnlySpan<byte> header, string? source)
    {
        int x = -1, y = -1, i = 0;
        foreach (var range in CsvFields.Split(header))
        {
            var name = Encoding.UTF8.GetString(CsvFields.Unquote(header[range])).Trim().ToLowerInvariant();
            if (name is "x" or "lon" or "lng" or "longitude")
            {
                x = x < 0 ? i : x;
            }
            else if (name is "y" or "lat" or "latitude")
            {
                y = y < 0 ? i : y;
            }
            i++;
        }
        if (x < 0 || y < 0)
        {
            throw new BoundariesFormatException(
                $"the header has no {(x < 0 ? "x (or lon)" : "y (or lat)")} column; expected columns id,x,y", source, 1);
        }
        return (x, y);
    }

    private static (double X, double Y) ParsePoint(ReadOnlySpan<byte> line, int xCol, int yCol, long lineNumber, string? source)
    {
        double x = double.NaN, y = double.NaN;
        bool hasX = false, hasY = false;
        var i = 0;
        foreach (var range in CsvFields.Split(line))
        {
            if (i == xCol)
            {
                hasX = TryNumber(line[range], out x);
                if (!hasX)
                {
                    throw Bad(line[range], "x");
                }
            }
            else if (i == yCol)
            {
                hasY = TryNumber(line[range], out y);
                if (!hasY)
                {
                    throw Bad(line[range], "y");
                }
            }
            i++;
        }
        if (!hasX || !hasY)
        {
            throw new BoundariesFormatException($"the line has {i} fields; x and y are fields {xCol + 1} and {yCol + 1}", source, lineNumber, field: hasX ? "y" : "x");
        }
        return (x, y);

        BoundariesFormatException Bad(ReadOnlySpan<byte> text, string field) =>
            new($"'{Encoding.UTF8.GetString(text)}' is not a number", source, lineNumber, field: field);
    }

    private static bool TryNumber(ReadOnlySpan<byte> field, out double value) =>
        double.TryParse(CsvFields.Unquote(field).Trim(" \t"u8), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);
}
