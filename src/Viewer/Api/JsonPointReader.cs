using System.Text.Json;
using Boundaries.Geo.Formats;

namespace Boundaries.Viewer.Api;

/// <summary>
/// Reads points from a JSON body incrementally, a chunk at a time, never holding the whole body: either a top-level
/// array of <c>{"id": …, "x": …, "y": …}</c> objects (<c>lon</c>/<c>lat</c> accepted for x/y), or a GeoJSON
/// FeatureCollection whose features have Point geometries (the feature's <c>id</c> and <c>properties</c> are kept).
/// </summary>
internal sealed class JsonPointReader(Stream input, bool geoJson, string source)
{
    private enum Step { NeedMore, ChunkFull, Done }

    private byte[] _buffer = new byte[1 << 16];
    private int _start, _end;
    private bool _eof;
    private JsonReaderState _state;
    private int _phase; // 0 before the root, 1 in the FeatureCollection's members, 2 in the array, 3 done
    private bool _nextIsFeatures;
    private long _element;

    /// <summary>Fills <paramref name="chunk"/>; returns false once the body is exhausted (the chunk may still hold points).</summary>
    /// <exception cref="BoundariesFormatException">The body is not such JSON (names the element).</exception>
    public async ValueTask<bool> FillAsync(PointChunk chunk, CancellationToken cancellationToken)
    {
        chunk.Clear();
        while (true)
        {
            Step step;
            try
            {
                step = Advance(chunk);
            }
            catch (JsonException ex)
            {
                throw new BoundariesFormatException($"not valid JSON near element {_element}: {ex.Message}", source, feature: _element.ToString(System.Globalization.CultureInfo.InvariantCulture), inner: ex);
            }
            switch (step)
            {
                case Step.Done:
                    return false;
                case Step.ChunkFull:
                    return true;
                default:
                    if (_eof)
                    {
                        throw new BoundariesFormatException(_phase == 0 ? "the body is empty" : "the body ends inside the JSON", source);
                    }
                    await ReadMoreAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private async ValueTask ReadMoreAsync(CancellationToken cancellationToken)
    {
        var kept = _end - _start;
        if (kept > _buffer.Length / 2)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, kept);
        (_start, _end) = (0, kept);
        var read = await input.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        _eof = read == 0;
    }

    private Step Advance(PointChunk chunk)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
        while (true)
        {
            var before = reader.CurrentState;
            var position = (int)reader.BytesConsumed;
            if (!reader.Read())
            {
                return Commit(before, position, Step.NeedMore);
            }
            switch (_phase)
            {
                case 0:
                    if (geoJson ? reader.TokenType != JsonTokenType.StartObject : reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw new BoundariesFormatException(geoJson ? "a GeoJSON FeatureCollection object was expected" : "a JSON array of points was expected", source);
                    }
                    _phase = geoJson ? 1 : 2;
                    break;
                case 1:
                    if (reader.TokenType == JsonTokenType.PropertyName)
                    {
                        _nextIsFeatures = reader.ValueTextEquals("features"u8);
                    }
                    else if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        _phase = 3;
                        return Commit(reader.CurrentState, (int)reader.BytesConsumed, Step.Done);
                    }
                    else if (_nextIsFeatures && reader.TokenType == JsonTokenType.StartArray)
                    {
                        _phase = 2;
                    }
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                    {
                        return Commit(before, position, Step.NeedMore);
                    }
                    break;
                case 2:
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        _phase = geoJson ? 1 : 3;
                        _nextIsFeatures = false;
                        if (_phase == 3)
                        {
                            return Commit(reader.CurrentState, (int)reader.BytesConsumed, Step.Done);
                        }
                        break;
                    }
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new BoundariesFormatException($"element {_element} is not an object", source, feature: _element.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                    var from = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        return Commit(before, position, Step.NeedMore);
                    }
                    var element = _buffer.AsSpan(_start + from, (int)reader.BytesConsumed - from);
                    if (geoJson)
                    {
                        AddFeature(element, chunk);
                    }
                    else
                    {
                        AddPoint(element, chunk);
                    }
                    _element++;
                    if (chunk.Count == chunk.Capacity)
                    {
                        return Commit(reader.CurrentState, (int)reader.BytesConsumed, Step.ChunkFull);
                    }
                    break;
                default:
                    return Step.Done;
            }
        }
    }

    private Step Commit(JsonReaderState state, int consumed, Step step)
    {
        _state = state;
        _start += consumed;
        return step;
    }

    private void AddPoint(ReadOnlySpan<byte> element, PointChunk chunk)
    {
        var reader = new Utf8JsonReader(element);
        reader.Read();
        double x = double.NaN, y = double.NaN;
        ReadOnlySpan<byte> id = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isX = reader.ValueTextEquals("x"u8) || reader.ValueTextEquals("lon"u8);
            var isY = !isX && (reader.ValueTextEquals("y"u8) || reader.ValueTextEquals("lat"u8));
            var isId = !isX && !isY && reader.ValueTextEquals("id"u8);
            reader.Read();
            if (isX)
            {
                x = Number(ref reader, "x");
            }
            else if (isY)
            {
                y = Number(ref reader, "y");
            }
            else if (isId)
            {
                id = element[RawValue(ref reader)];
            }
            else
            {
                reader.Skip();
            }
        }
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            throw Bad(double.IsNaN(x) ? "x" : "y", "is missing");
        }
        chunk.Add(x, y, id, default);
    }

    private void AddFeature(ReadOnlySpan<byte> element, PointChunk chunk)
    {
        var reader = new Utf8JsonReader(element);
        reader.Read();
        double x = double.NaN, y = double.NaN;
        ReadOnlySpan<byte> id = default, properties = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = element[RawValue(ref reader)];
            }
            else if (reader.ValueTextEquals("properties"u8))
            {
                reader.Read();
                properties = element[RawValue(ref reader)];
            }
            else if (reader.ValueTextEquals("geometry"u8))
            {
                reader.Read();
                (x, y) = PointGeometry(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (double.IsNaN(x))
        {
            throw Bad("geometry", "is missing");
        }
        chunk.Add(x, y, id, properties.Length > 0 && properties[0] == (byte)'{' ? properties : default);
    }

    private (double X, double Y) PointGeometry(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Bad("geometry", "is not a Point");
        }
        double x = double.NaN, y = double.NaN;
        var isPoint = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                isPoint = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("Point"u8);
            }
            else if (reader.ValueTextEquals("coordinates"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw Bad("coordinates", "is not an array");
                }
                reader.Read();
                x = Number(ref reader, "coordinates");
                reader.Read();
                y = Number(ref reader, "coordinates");
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    // a height, ignored
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (!isPoint || double.IsNaN(y))
        {
            throw Bad("geometry", "is not a Point with two coordinates");
        }
        return (x, y);
    }

    private double Number(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw Bad(field, "is not a number");
        }
        return value;
    }

    private static Range RawValue(ref Utf8JsonReader reader)
    {
        var from = (int)reader.TokenStartIndex;
        reader.Skip();
        return from..(int)reader.BytesConsumed;
    }

    private BoundariesFormatException Bad(string field, string what) =>
        new($"element {_element}: {field} {what}", source, feature: _element.ToString(System.Globalization.CultureInfo.InvariantCulture), field: field);
}
