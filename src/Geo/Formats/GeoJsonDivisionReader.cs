using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Formats;

/// <summary>
/// Reads one GeoJSON FeatureCollection feature by feature: a <see cref="Utf8JsonReader"/> runs over a buffer that is
/// refilled from the stream, and when it stands at a feature object whose bytes are all in the buffer (checked with
/// <c>TrySkip</c> on a copy) just that feature is parsed into a <see cref="JsonDocument"/>. Memory is the buffer plus
/// one feature, whatever the file size.
/// </summary>
internal sealed partial class GeoJsonDivisionReader
{
    /// <summary>Initial buffer size; it doubles when one feature does not fit.</summary>
    internal const int DefaultBufferBytes = 64 * 1024;

    private readonly string _path;
    private readonly DivisionFieldMap _map;
    private readonly ImmutableArray<Division>.Builder _divisions = ImmutableArray.CreateBuilder<Division>();
    private string? _topProperty;
    private string? _type;
    private bool _sawFeatures;
    private CrsCode? _fileCrs;
    private long _featureIndex;

    private GeoJsonDivisionReader(string path, DivisionReadOptions options)
    {
        _path = path;
        _map = new DivisionFieldMap(options, path);
    }

    /// <summary>The largest the read buffer grew to in the last read (for tests of the streaming).</summary>
    internal int PeakBufferBytes { get; private set; }

    public static DivisionReadResult Read(Stream stream, string path, DivisionReadOptions options) =>
        Read(stream, path, options, DefaultBufferBytes, out _);

    internal static DivisionReadResult Read(Stream stream, string path, DivisionReadOptions options, int bufferBytes, out int peakBufferBytes)
    {
        var reader = new GeoJsonDivisionReader(path, options);
        reader.ReadAll(stream, bufferBytes);
        peakBufferBytes = reader.PeakBufferBytes;
        return reader.Finish(options);
    }

    private void ReadAll(Stream stream, int bufferBytes)
    {
        var buffer = new byte[bufferBytes];
        var length = 0;
        var final = false;
        var total = 0L;
        var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        while (true)
        {
            while (!final && length < buffer.Length)
            {
                var n = stream.Read(buffer, length, buffer.Length - length);
                if (n == 0)
                {
                    final = true;
                }
                length += n;
                total += n;
            }
            if (final && total == 0)
            {
                throw new BoundariesFormatException("the file is empty", _path);
            }
            int consumed;
            try
            {
                consumed = Process(buffer.AsSpan(0, length), final, ref state);
            }
            catch (JsonException e)
            {
                var truncated = final && (e.Message.Contains("end of data", StringComparison.Ordinal)
                    || e.Message.Contains("end of the JSON payload", StringComparison.Ordinal));
                var reason = truncated
                    ? "the file ends before the JSON is complete (truncated?)"
                    : "invalid JSON";
                throw new BoundariesFormatException(
                    $"{reason} at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message}",
                    _path, (e.LineNumber ?? 0) + 1, inner: e);
            }
            catch (InvalidOperationException e) when (e.InnerException is System.Text.DecoderFallbackException)
            {
                // A string with bytes that are not UTF-8 (System.Text.Json validates only when the text is decoded).
                throw new BoundariesFormatException("a string is not valid UTF-8 (GeoJSON must be UTF-8; convert the file, e.g. iconv -f GBK -t UTF-8)", _path, inner: e);
            }
            PeakBufferBytes = buffer.Length;
            if (final)
            {
                return;
            }
            Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
            length -= consumed;
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    /// <summary>Reads tokens until the buffer runs out; returns how many bytes were used up.</summary>
    private int Process(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state)
    {
        var reader = new Utf8JsonReader(data, final, state);
        while (true)
        {
            var before = reader.CurrentState;
            var beforeConsumed = (int)reader.BytesConsumed;
            if (!reader.Read())
            {
                state = reader.CurrentState;
                return (int)reader.BytesConsumed;
            }
            var depth = reader.CurrentDepth;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject when depth == 0:
                    break;
                case JsonTokenType.StartArray when depth == 0:
                case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null when depth == 0:
                    throw new BoundariesFormatException("not a GeoJSON FeatureCollection: the top level is not an object", _path, 1);
                case JsonTokenType.PropertyName when depth == 1:
                    _topProperty = reader.GetString();
                    break;
                case JsonTokenType.String when depth == 1 && _topProperty == "type":
                    _type = reader.GetString();
                    if (_type != "FeatureCollection")
                    {
                        throw new BoundariesFormatException($"not a GeoJSON FeatureCollection: type is '{_type}'", _path, field: "type");
                    }
                    break;
                case JsonTokenType.StartArray when depth == 1 && _topProperty == "features":
                    _sawFeatures = true;
                    break;
                case JsonTokenType.StartObject when (depth == 2 && _topProperty == "features") || (depth == 1 && _topProperty == "crs"):
                    var copy = reader;
                    if (!copy.TrySkip())
                    {
                        state = before;
                        return beforeConsumed;
                    }
                    using (var doc = JsonDocument.ParseValue(ref reader))
                    {
                        if (depth == 1)
                        {
                            _fileCrs = ParseCrsMember(doc.RootElement);
                        }
                        else
                        {
                            _divisions.Add(ReadFeature(doc.RootElement, _featureIndex++));
                        }
                    }
                    break;
                case not (JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.Comment) when depth == 2 && _topProperty == "features":
                    throw new BoundariesFormatException($"a member of 'features' is a {reader.TokenType}, not a Feature object", _path, feature: $"#{_featureIndex}");
            }
        }
    }

    private DivisionReadResult Finish(DivisionReadOptions options)
    {
        if (_type is null)
        {
            throw new BoundariesFormatException("not a GeoJSON FeatureCollection: no 'type' member", _path, field: "type");
        }
        if (!_sawFeatures)
        {
            throw new BoundariesFormatException("the FeatureCollection has no 'features' array", _path, field: "features");
        }
        var stated = options.Crs is not null || _fileCrs is not null;
        var crs = options.Crs ?? _fileCrs ?? CrsCode.Cgcs2000;
        var divisions = _divisions.ToImmutable();
        CheckLonLatRanges(divisions, crs, stated);
        return new DivisionReadResult(new DivisionSet(divisions, crs), stated, "geojson", []);
    }

    /// <summary>
    /// Lon/lat data must lie in |lon| ≤ 180, |lat| ≤ 90. When the system is only the default, the file counts as
    /// lon/lat if its first division does; otherwise it is left for detection from coordinate ranges.
    /// </summary>
    private void CheckLonLatRanges(ImmutableArray<Division> divisions, CrsCode crs, bool stated)
    {
        if (!crs.IsLonLat || divisions.IsEmpty || (!stated && !InRange(divisions[0].Geometry.EnvelopeInternal)))
        {
            return;
        }
        for (var i = 0; i < divisions.Length; i++)
        {
            var e = divisions[i].Geometry.EnvelopeInternal;
            if (!InRange(e))
            {
                throw new BoundariesFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"coordinates out of range for lon/lat ({crs}): x {e.MinX}..{e.MaxX}, y {e.MinY}..{e.MaxY}; |lon| must be ≤ 180 and |lat| ≤ 90"),
                    _path, feature: $"#{i} ({divisions[i].Code})", field: "geometry");
            }
        }
    }

    private static bool InRange(Envelope e) => e.MinX >= -180 && e.MaxX <= 180 && e.MinY >= -90 && e.MaxY <= 90;
}
