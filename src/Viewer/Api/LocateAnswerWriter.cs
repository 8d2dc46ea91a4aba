using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Locate;
using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Http;

namespace Boundaries.Viewer.Api;

/// <summary>
/// Writes the answer of <c>GET /api/v1/locate</c> byte for byte as <see cref="LocateAnswer"/> serialized with
/// <see cref="ViewerJson.Options"/> would be, without allocating per request: the locator's detailed answer goes into
/// per-thread spans, division codes and names come pre-encoded from the snapshot, and the JSON is written by a
/// per-thread <see cref="Utf8JsonWriter"/> into a per-thread buffer, then copied to the response with its length.
/// </summary>
internal static class LocateAnswerWriter
{
    private const string ContentType = "application/json; charset=utf-8";

    private static readonly JsonEncodedText XName = JsonEncodedText.Encode("x");
    private static readonly JsonEncodedText YName = JsonEncodedText.Encode("y");
    private static readonly JsonEncodedText CrsName = JsonEncodedText.Encode("crs");
    private static readonly JsonEncodedText LonName = JsonEncodedText.Encode("lon");
    private static readonly JsonEncodedText LatName = JsonEncodedText.Encode("lat");
    private static readonly JsonEncodedText AtName = JsonEncodedText.Encode("at");
    private static readonly JsonEncodedText OnBoundaryName = JsonEncodedText.Encode("on_boundary");
    private static readonly JsonEncodedText AmbiguousName = JsonEncodedText.Encode("ambiguous");
    private static readonly JsonEncodedText LevelsName = JsonEncodedText.Encode("levels");
    private static readonly JsonEncodedText LevelName = JsonEncodedText.Encode("level");
    private static readonly JsonEncodedText CodeName = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText CandidatesName = JsonEncodedText.Encode("candidates");
    private static readonly JsonEncodedText DistanceName = JsonEncodedText.Encode("distance_m");
    private static readonly JsonEncodedText Cgcs2000Text = JsonEncodedText.Encode(CrsCode.Cgcs2000.ToString(), EncodedDivisions.Encoder);

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;
    [ThreadStatic] private static LevelHit[]? t_levels;
    [ThreadStatic] private static int[]? t_candidates;

    /// <summary>Locates <paramref name="query"/> in <paramref name="snapshot"/> and sends the answer (200, JSON, Content-Length).</summary>
    public static Task RespondAsync(HttpContext context, BoundarySnapshot snapshot, in LocateQuery query)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        Write(buffer, snapshot, query);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = buffer.WrittenCount;
        var body = response.BodyWriter;
        buffer.WrittenSpan.CopyTo(body.GetSpan(buffer.WrittenCount));
        body.Advance(buffer.WrittenCount);
        var flush = body.FlushAsync(context.RequestAborted);
        return flush.IsCompletedSuccessfully ? Task.CompletedTask : flush.AsTask();
    }

    /// <summary>Writes the answer for <paramref name="query"/> as UTF-8 JSON into <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, BoundarySnapshot snapshot, in LocateQuery query)
    {
        var locator = snapshot.Locator;
        var levelCount = locator.Levels.Length;
        if (t_levels is null || t_levels.Length < levelCount)
        {
            t_levels = new LevelHit[levelCount];
            t_candidates = new int[levelCount * DivisionLocator.MaxCandidatesPerLevel];
        }
        var levels = t_levels.AsSpan(0, levelCount);
        var candidates = t_candidates.AsSpan();
        var (lon, lat) = locator.ToCgcs2000(query.X, query.Y, query.Crs);
        locator.LocateDetailed(lon, lat, query.At, query.Distance || query.Sigma is not null, levels, candidates);

        var w = t_writer;
        if (w is null)
        {
            w = t_writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = EncodedDivisions.Encoder, SkipValidation = true });
        }
        else
        {
            w.Reset(output);
        }
        WriteAnswer(w, snapshot.Encoded, query, lon, lat, levels, candidates);
        w.Flush();
    }

    private static void WriteAnswer(Utf8JsonWriter w, EncodedDivisions names, in LocateQuery query, double lon, double lat,
        ReadOnlySpan<LevelHit> levels, ReadOnlySpan<int> candidates)
    {
        var onBoundary = false;
        var ambiguous = false;
        foreach (var l in levels)
        {
            onBoundary |= l.OnBoundary;
            ambiguous |= Ambiguous(l, query.Sigma);
        }
        w.WriteStartObject();
        w.WriteNumber(XName, query.X);
        w.WriteNumber(YName, query.Y);
        if (query.Crs == CrsCode.Cgcs2000)
        {
            w.WriteString(CrsName, Cgcs2000Text);
        }
        else
        {
            w.WriteString(CrsName, query.Crs.ToString());
        }
        w.WriteNumber(LonName, lon);
        w.WriteNumber(LatName, lat);
        if (query.At is { } at)
        {
            Span<char> day = stackalloc char[10];
            at.TryFormat(day, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            w.WriteString(AtName, day[..n]);
        }
        w.WriteBoolean(OnBoundaryName, onBoundary);
        w.WriteBoolean(AmbiguousName, ambiguous);
        w.WriteStartArray(LevelsName);
        for (var i = 0; i < levels.Length; i++)
        {
            var l = levels[i];
            w.WriteStartObject();
            w.WriteString(LevelName, names.Level(i));
            if (l.Division >= 0)
            {
                w.WriteString(CodeName, names.Code(l.Division));
                if (names.Name(l.Division) is { } name)
                {
                    w.WriteString(NameName, name);
                }
            }
            w.WriteBoolean(OnBoundaryName, l.OnBoundary);
            w.WriteStartArray(CandidatesName);
            foreach (var c in candidates.Slice(l.CandidateStart, l.CandidateCount))
            {
                w.WriteStartObject();
                w.WriteString(CodeName, names.Code(c));
                if (names.Name(c) is { } name)
                {
                    w.WriteString(NameName, name);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (!double.IsNaN(l.DistanceMeters))
            {
                w.WriteNumber(DistanceName, l.DistanceMeters);
            }
            w.WriteBoolean(AmbiguousName, Ambiguous(l, query.Sigma));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>As <see cref="DivisionLocator.Locate(double, double, LocateQueryOptions?)"/>: on the line, or the line within σ.</summary>
    private static bool Ambiguous(in LevelHit l, double? sigma) =>
        sigma is { } s && (l.OnBoundary || (!double.IsNaN(l.DistanceMeters) && l.DistanceMeters <= s));
}
