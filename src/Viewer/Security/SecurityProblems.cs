using Boundaries.Viewer.Api;
using Microsoft.AspNetCore.Http;

namespace Boundaries.Viewer.Security;

/// <summary>RFC 7807 answers written directly by middleware (before any endpoint runs), English or Chinese.</summary>
internal static class SecurityProblems
{
    public static Task WriteAsync(HttpContext context, int status, string slug, string titleEn, string titleZh, string detailEn, string detailZh)
    {
        var chinese = Problems.PrefersChinese(context.Request);
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer, ApiKey header=\"X-Api-Key\"";
        }
        return context.Response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["type"] = "urn:boundaries:problem:" + slug,
            ["title"] = chinese ? titleZh : titleEn,
            ["status"] = status,
            ["detail"] = chinese ? detailZh : detailEn,
            ["instance"] = context.Request.Path.Value ?? "",
        }, options: null, contentType: "application/problem+json");
    }
}
