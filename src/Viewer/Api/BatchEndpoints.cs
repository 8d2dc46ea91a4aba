using System.Buffers;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Locate;
using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Boundaries.Viewer.Api;

/// <summary>
/// <c>POST /api/v1/locate/batch?crs=&amp;at=</c>: many points in one request, answered in the format they came in
/// (text/csv, application/json, application/geo+json), streamed: the body is read a chunk at a time and each chunk's
/// answers are written before the next is read, so a million points pass in a few MiB of memory.
/// </summary>
/// <remarks>
/// A body that cannot be read is answered 400 (problem details) while nothing has been sent yet; once answers have
/// started to flow, a bad point further on aborts the connection, so the client sees a truncated answer, never a
/// silently shortened one.
/// </remarks>
internal static class BatchEndpoints
{
    public const int ChunkPoints = 65_536;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/locate/batch", async (HttpContext context, BoundaryCatalog catalog, ILoggerFactory logs) =>
        {
            if (LocateParameters.Crs(context, out var crs) is { } p1)
            {
                return p1;
            }
            if (LocateParameters.At(context, out var at) is { } p2)
            {
                return p2;
            }
            var mediaType = (context.Request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
            var format = mediaType switch
            {
                "text/csv" => "csv",
                "application/json" => "json",
                "application/geo+json" => "geojson",
                _ => null,
            };
            if (format is null)
            {
                return Problems.Of(context, ProblemKind.UnsupportedMediaType, mediaType);
            }
            // A million points is far beyond Kestrel's default 30 MB body limit; the answer streams, so lift it here.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = null;
            }
            var locator = catalog.Current.Locator;
            try
            {
                if (format == "csv")
                {
                    context.Response.ContentType = "text/csv; charset=utf-8";
                    await PointCsvLocator.LocateAsync(locator, context.Request.Body, context.Response.Body,
                        new PointCsvOptions { Crs = crs, At = at, SourceName = "request body" }, context.RequestAborted);
                }
                else
                {
                    context.Response.ContentType = format == "geojson" ? "application/geo+json" : "application/json; charset=utf-8";
                    await StreamJsonAsync(context, locator, format == "geojson", crs, at);
                }
                return Results.Empty;
            }
            catch (BoundariesFormatException ex) when (!context.Response.HasStarted)
            {
                return Problems.Of(context, ProblemKind.InvalidBody, ex.Message);
            }
            catch (BoundariesFormatException ex)
            {
                Log.BatchAborted(logs.CreateLogger("Boundaries.Viewer.Batch"), ex);
                context.Abort();
                return Results.Empty;
            }
        });
    }

    private static async Task StreamJsonAsync(HttpContext context, DivisionLocator locator, bool geoJson,
        Geo.Crs.CrsCode crs, DateOnly? at)
    {
        var reader = new JsonPointReader(context.Request.Body, geoJson, "request body");
        var writer = new BatchJsonWriter(locator, geoJson);
        var levels = locator.Levels.Length;
        var chunk = new PointChunk(ChunkPoints);
        var result = new int[ChunkPoints * levels];
        var flags = new LocateFlags[ChunkPoints];
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        writer.Start(buffer);
        bool more;
        do
        {
            more = await reader.FillAsync(chunk, context.RequestAborted);
            if (chunk.Count > 0)
            {
                locator.LocateBatch(chunk.X.AsSpan(0, chunk.Count), chunk.Y.AsSpan(0, chunk.Count),
                    result.AsSpan(0, chunk.Count * levels), flags.AsSpan(0, chunk.Count), at, crs);
                writer.Write(buffer, chunk, result, flags, levels);
            }
            if (!more)
            {
                writer.End(buffer);
            }
            await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
            buffer.ResetWrittenCount();
        }
        while (more);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
