using Microsoft.AspNetCore.Http;

namespace Boundaries.Viewer.Api;

/// <summary>Builds RFC 7807 problem answers in the language the caller prefers (Accept-Language: zh… → Chinese, else English).</summary>
internal static class Problems
{
    public static IResult Of(HttpContext context, ProblemKind kind, params object?[] args)
    {
        var chinese = PrefersChinese(context.Request);
        return Results.Problem(
            detail: ProblemTexts.Detail(kind, chinese, args),
            instance: context.Request.Path + context.Request.QueryString,
            statusCode: ProblemTexts.Status(kind),
            title: ProblemTexts.Title(kind, chinese),
            type: ProblemTexts.Type(kind));
    }

    /// <summary>The caller's most preferred language among those named is Chinese.</summary>
    public static bool PrefersChinese(HttpRequest request)
    {
        var languages = request.GetTypedHeaders().AcceptLanguage;
        if (languages is null || languages.Count == 0)
        {
            return false;
        }
        var best = languages.OrderByDescending(l => l.Quality ?? 1.0).First();
        return best.Value.HasValue && best.Value.Value!.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
    }
}
