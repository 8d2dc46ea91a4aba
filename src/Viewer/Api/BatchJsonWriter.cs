using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Boundaries.Geo.Locate;
using Boundaries.Geo.Model;

namespace Boundaries.Viewer.Api;

/// <summary>
/// Writes batch answers as JSON bytes by hand (codes pre-encoded once per division): an array of
/// <c>{"id", "x", "y", "&lt;level&gt;": code|null …, "on_boundary"}</c>, or a GeoJSON FeatureCollection of the input
/// points with the level codes and <c>on_boundary</c> added to each feature's properties.
/// </summary>
internal sealed class BatchJsonWriter
{
    private readonly bool _geoJson;
    private readonly byte[][] _levelKeys;
    private readonly byte[][] _codes;
    private bool _first = true;

    public BatchJsonWriter(DivisionLocator locator, bool geoJson)
    {
        _geoJson = geoJson;
        _levelKeys = [.. locator.Levels.Select(l => Encoding.UTF8.GetBytes($"\"{l.Name()}\":"))];
        _codes = [.. locator.Divisions.Select(d => Encoding.UTF8.GetBytes(
            "\"" + JsonEncodedText.Encode(d.Code, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\""))];
    }

    public void Start(IBufferWriter<byte> output) =>
        output.Write(_geoJson ? "{\"type\":\"FeatureCollection\",\"features\":["u8 : "["u8);

    public void End(IBufferWriter<byte> output) => output.Write(_geoJson ? "]}\n"u8 : "]\n"u8);

    public void Write(IBufferWriter<byte> output, PointChunk chunk, int[] result, LocateFlags[] flags, int levels)
    {
        for (var i = 0; i < chunk.Count; i++)
        {
            output.Write(_first ? ""u8 : ",\n"u8);
            _first = false;
            var id = chunk.Id(i);
            if (_geoJson)
            {
                output.Write("{\"type\":\"Feature\","u8);
                if (!id.IsEmpty)
                {
                    output.Write("\"id\":"u8);
                    output.Write(id);
                    output.Write(","u8);
                }
                output.Write("\"geometry\":{\"type\":\"Point\",\"coordinates\":["u8);
                Number(output, chunk.X[i]);
                output.Write(","u8);
                Number(output, chunk.Y[i]);
                output.Write("]},\"properties\":{"u8);
                var properties = chunk.Properties(i);
                if (properties.Length > 2)
                {
                    var inner = properties[1..^1].Trim(" \t\r\n"u8);
                    if (!inner.IsEmpty)
                    {
                        output.Write(inner);
                        output.Write(","u8);
                    }
                }
            }
            else
            {
                output.Write("{\"id\":"u8);
                output.Write(id.IsEmpty ? "null"u8 : id);
                output.Write(",\"x\":"u8);
                Number(output, chunk.X[i]);
                output.Write(",\"y\":"u8);
                Number(output, chunk.Y[i]);
                output.Write(","u8);
            }
            for (var l = 0; l < levels; l++)
            {
                output.Write(_levelKeys[l]);
                var d = result[i * levels + l];
                output.Write(d >= 0 ? _codes[d] : "null"u8);
                output.Write(","u8);
            }
            output.Write((flags[i] & LocateFlags.OnBoundary) != 0 ? "\"on_boundary\":true}"u8 : "\"on_boundary\":false}"u8);
            if (_geoJson)
            {
                output.Write("}"u8);
            }
        }
    }

    private static void Number(IBufferWriter<byte> output, double value)
    {
        var span = output.GetSpan(32);
        value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture);
        output.Advance(written);
    }
}
