using System.Globalization;
using System.Text;
using Boundaries.Geo.Crs;
using Boundaries.Survey.Model;
using Boundaries.Survey.Reading;

namespace Boundaries.Survey.Nmea;

/// <summary>
/// Reads NMEA 0183 logs: GGA, RMC, GNS, GST, GSA, ZDA and VTG from every talker (GP, GN, GL, GA, GB, BD, GQ, GI …)
/// joined into one point per epoch; other sentence types are counted and skipped. Lines starting with <c>#</c> are
/// comments, a doubled <c>$$</c> prefix is accepted, UTF-16 files with a byte-order mark are read. Every rejected
/// line is reported with its number and reason. Streams in constant memory; decoding allocates nothing per line.
/// </summary>
public static class NmeaReader
{
    /// <summary>Reads the whole stream into memory; <paramref name="source"/> names it in the result.</summary>
    public static ImportResult Read(Stream stream, SurveyReadOptions? options = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var sink = new SurveyCollector(options ?? new SurveyReadOptions(), null);
        ReadInto(stream, sink);
        return sink.Result(source, SurveyFormat.Nmea, CrsCode.Wgs84);
    }

    /// <summary>
    /// Streams the points to <paramref name="onPoint"/> in file order, in constant memory; the result holds the
    /// issues and counts and an empty point list.
    /// </summary>
    public static ImportResult Read(Stream stream, Action<SurveyPoint> onPoint, SurveyReadOptions? options = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(onPoint);
        var sink = new SurveyCollector(options ?? new SurveyReadOptions(), onPoint);
        ReadInto(stream, sink);
        return sink.Result(source, SurveyFormat.Nmea, CrsCode.Wgs84);
    }

    internal static void ReadInto(Stream stream, SurveyCollector sink)
    {
        using var lines = new ByteLineReader(stream);
        var assembler = new NmeaEpochAssembler(sink);
        var record = default(NmeaRecord);
        var acceptBad = sink.Options.Checksum == ChecksumPolicy.AcceptWithWarning;
        while (lines.TryReadLine(out var raw))
        {
            var number = lines.LineNumber;
            if (lines.LastLineTooLong)
            {
                sink.Issue(SurveyIssueCode.LineTooLong, IssueSeverity.Error, $"line longer than {ByteLineReader.MaxLineBytes} bytes", number);
                continue;
            }
            var line = raw.Trim(" \t\0"u8);
            if (line.IsEmpty)
            {
                continue;
            }
            if (line[0] == (byte)'#')
            {
                sink.RecordPacked('#');
                continue;
            }
            if (line.Length > 1 && line[0] == (byte)'$' && line[1] == (byte)'$')
            {
                line = line[1..];
            }
            if (line[0] != (byte)'$' && line[0] != (byte)'!')
            {
                sink.Issue(SurveyIssueCode.NotARecord, IssueSeverity.Error, "not an NMEA sentence (no leading $)", number);
                continue;
            }
            var star = line.LastIndexOf((byte)'*');
            ReadOnlySpan<byte> body;
            if (star < 0)
            {
                body = line[1..];
                sink.Issue(SurveyIssueCode.MissingChecksum, IssueSeverity.Warning, "sentence without checksum", number, "checksum");
            }
            else
            {
                body = line[1..star];
                var tail = line[(star + 1)..];
                int hi, lo;
                var expected = tail.Length != 2 || (hi = NmeaNumber.HexDigit(tail[0])) < 0 || (lo = NmeaNumber.HexDigit(tail[1])) < 0
                    ? -1 // not two hex digits: as bad as a wrong sum
                    : (hi << 4) | lo;
                var actual = Checksum(body);
                if (expected != actual)
                {
                    if (!acceptBad)
                    {
                        sink.Issue(SurveyIssueCode.BadChecksum, IssueSeverity.Error, BadChecksumMessage(expected, actual, "rejected"), number, "checksum");
                        continue;
                    }
                    sink.Issue(SurveyIssueCode.BadChecksum, IssueSeverity.Warning, BadChecksumMessage(expected, actual, "accepted"), number, "checksum");
                }
            }
            var comma = body.IndexOf((byte)',');
            var address = comma < 0 ? body : body[..comma];
            if (address.Length < 2)
            {
                sink.Issue(SurveyIssueCode.NotARecord, IssueSeverity.Error, "sentence without an address", number);
                continue;
            }
            sink.RecordPacked(SurveyCollector.Pack(address[0] == (byte)'P' ? address : address.Length == 5 ? address[2..] : address));
            var type = NmeaDecoder.TypeOf(address);
            if (type == NmeaType.Other)
            {
                continue;
            }
            record.Reset(type, (ushort)((address[0] << 8) | address[1]));
            if (!NmeaDecoder.Decode(type, comma < 0 ? default : body[(comma + 1)..], ref record, out var field))
            {
                sink.Issue(SurveyIssueCode.MalformedField, IssueSeverity.Error,
                    $"{Encoding.ASCII.GetString(address)}: field '{field}' cannot be read", number, field);
                continue;
            }
            assembler.Add(ref record, number);
        }
        assembler.Finish();
        sink.Lines = lines.LineNumber;
    }

    /// <summary>XOR of every byte between <c>$</c> and <c>*</c>.</summary>
    internal static int Checksum(ReadOnlySpan<byte> body)
    {
        ulong acc = 0;
        var i = 0;
        for (; i + 8 <= body.Length; i += 8)
        {
            acc ^= BitConverter.ToUInt64(body.Slice(i, 8));
        }
        var x = (int)((acc ^ (acc >> 32)) & 0xFFFFFFFF);
        x ^= x >> 16;
        x ^= x >> 8;
        x &= 0xFF;
        for (; i < body.Length; i++)
        {
            x ^= body[i];
        }
        return x;
    }

    private static string BadChecksumMessage(int expected, int actual, string what) => expected < 0
        ? string.Create(CultureInfo.InvariantCulture, $"checksum is not two hex digits ({actual:X2} computed): {what}")
        : string.Create(CultureInfo.InvariantCulture, $"checksum {expected:X2} in the sentence, {actual:X2} computed: {what}");
}
