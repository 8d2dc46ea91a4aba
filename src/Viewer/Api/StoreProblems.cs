using Boundaries.Store;
using Microsoft.AspNetCore.Http;

namespace Boundaries.Viewer.Api;

/// <summary>
/// Store failures of a write as problem details: the store unreachable (PostgreSQL stopped, the file gone) → 503 with
/// Retry-After, a base version changed by another writer → 409, a version the store refuses → 422. Lookups never reach
/// the store (they answer from memory), so during an outage only writes see these.
/// </summary>
internal static class StoreProblems
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (StoreUnavailableException e) when (!context.Response.HasStarted)
        {
            context.Response.Headers.RetryAfter = "5";
            await Problems.Of(context, ProblemKind.StoreUnavailable, e.Message).ExecuteAsync(context);
        }
        catch (ConcurrencyConflictException e) when (!context.Response.HasStarted)
        {
            await Problems.Of(context, ProblemKind.StoreConflict, e.Message).ExecuteAsync(context);
        }
        catch (StoreDataException e) when (!context.Response.HasStarted)
        {
            await Problems.Of(context, ProblemKind.StoreRejected, e.Message).ExecuteAsync(context);
        }
    }
}
