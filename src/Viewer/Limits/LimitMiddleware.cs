using System.Text.Json;
using Boundaries.Viewer.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Boundaries.Viewer.Limits;

/// <summary>
/// Enforces <see cref="LimitOptions"/>: a declared Content-Length over the limit is refused before reading; otherwise
/// the body is read through a <see cref="LimitedBodyStream"/> that stops at the byte, point and depth limits; a line
/// edit is checked for its vertex count before the endpoint sees it; every request runs under a deadline. Refusals
/// are problem details while nothing has been answered yet; a limit hit after a streamed answer has begun cuts the
/// connection, so the client sees a truncated answer, never a silently shortened one.
/// </summary>
internal sealed class LimitMiddleware(LimitOptions options)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        var batch = HttpMethods.IsPost(context.Request.Method) && path.Equals("/api/v1/locate/batch", StringComparison.OrdinalIgnoreCase);
        var import = HttpMethods.IsPost(context.Request.Method) && AccessRules.IsImport(path);
        var maxBytes = batch ? options.MaxBatchBodyBytes : import ? options.MaxImportBodyBytes : options.MaxRequestBodyBytes;
        var original = context.RequestAborted;
        using var deadline = new CancellationTokenSource(batch || import ? options.BatchTimeout : options.RequestTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(original, deadline.Token);
        try
        {
            if (context.Request.ContentLength > maxBytes)
            {
                throw LimitExceededException.BodyTooLarge(maxBytes);
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel)
            {
                kestrel.MaxRequestBodySize = null; // the limited stream below enforces the limit with a problem answer
            }
            var scanner = new BodyScanner(KindOf(context.Request.ContentType, batch), batch ? options.MaxBatchPoints : long.MaxValue, options.MaxJsonDepth);
            context.Request.Body = new LimitedBodyStream(context.Request.Body, maxBytes, scanner, deadline.Token);
            context.RequestAborted = linked.Token;
            if (HttpMethods.IsPost(context.Request.Method) && AccessRules.IsLineEdit(path))
            {
                await CheckEditAsync(context, linked.Token);
            }
            await next(context);
        }
        catch (Exception ex) when (Find<LimitExceededException>(ex) is { } limit)
        {
            await RefuseAsync(context, limit.Status, limit.Slug, limit.Title, limit.TitleZh, limit.Message, limit.DetailZh);
        }
        catch (Exception ex) when (deadline.IsCancellationRequested && !original.IsCancellationRequested && Find<OperationCanceledException>(ex) is not null)
        {
            var seconds = (batch ? options.BatchTimeout : options.RequestTimeout).TotalSeconds;
            await RefuseAsync(context, 408, "request-timeout", "Request took too long", "请求超时",
                $"the request was not finished within {seconds:0.###} s", $"请求未在 {seconds:0.###} 秒内完成");
        }
    }

    private async Task CheckEditAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        context.Request.Body = buffer;
        try
        {
            using var doc = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { MaxDepth = options.MaxJsonDepth + 1 });
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("coordinates", out var c)
                && c.ValueKind == JsonValueKind.Array && c.GetArrayLength() > options.MaxEditVertices)
            {
                throw LimitExceededException.TooManyVertices(c.GetArrayLength(), options.MaxEditVertices);
            }
        }
        catch (JsonException)
        {
            // Unreadable JSON is the endpoint's to answer (400 with the parser's message).
        }
    }

    private static Task RefuseAsync(HttpContext context, int status, string slug, string title, string titleZh, string detail, string detailZh)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return Task.CompletedTask;
        }
        context.Response.Clear();
        if (status is 413 or 408)
        {
            // The rest of the body is not read; tell the client the connection ends with this answer.
            context.Response.Headers.Connection = "close";
        }
        return SecurityProblems.WriteAsync(context, status, slug, title, titleZh, detail, detailZh);
    }

    private static BodyScanner.Kind KindOf(string? contentType, bool batch)
    {
        var media = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "text/csv" when batch => BodyScanner.Kind.Csv,
            "application/geo+json" when batch => BodyScanner.Kind.GeoJson,
            "application/json" or "application/geo+json" or "application/problem+json" => BodyScanner.Kind.JsonArray,
            _ => BodyScanner.Kind.None,
        };
    }

    private static T? Find<T>(Exception? ex) where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T t)
            {
                return t;
            }
        }
        return null;
    }
}
