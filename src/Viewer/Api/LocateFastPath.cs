using Boundaries.Viewer.Security;
using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Http;

namespace Boundaries.Viewer.Api;

/// <summary>
/// The first step of the pipeline: answers a plain, valid <c>GET /api/v1/locate</c> from an allowed caller directly
/// (no routing, status pages, limit deadlines or claims principal per request). Everything else — a parameter
/// problem, an encoded character, a body, a bearer token, an unknown key, a refusal — goes on down the full pipeline
/// to <see cref="LocateEndpoints"/> and the access and limit middleware, which answer it exactly as before.
/// </summary>
internal sealed class LocateFastPath(BoundaryCatalog catalog, AccessMiddleware access)
{
    public const string Path = "/api/v1/locate";

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method)
            || !string.Equals(request.Path.Value, Path, StringComparison.OrdinalIgnoreCase)
            || request.ContentLength is > 0
            || request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.TransferEncoding)
            || !LocateQuery.TryParseRaw(request.QueryString.Value, out var query)
            || !access.AllowsWithoutChallenge(context, AccessRules.Required(request.Method, request.Path)))
        {
            return next(context);
        }
        return LocateAnswerWriter.RespondAsync(context, catalog.Current, query);
    }
}
