using System.Globalization;
using Boundaries.Geo.Crs;
using Microsoft.AspNetCore.Http;

namespace Boundaries.Viewer.Api;

/// <summary>Reads the query parameters shared by the locate endpoints; each reader returns a problem or null.</summary>
internal static class LocateParameters
{
    public static IResult? Crs(HttpContext context, out CrsCode crs)
    {
        crs = CrsCode.Cgcs2000;
        var text = context.Request.Query["crs"].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        if (!CrsCode.TryParse(text, out var parsed))
        {
            return Problems.Of(context, ProblemKind.UnknownCrs, text);
        }
        crs = parsed.Value;
        return null;
    }

    public static IResult? At(HttpContext context, out DateOnly? at)
    {
        at = null;
        var text = context.Request.Query["at"].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Problems.Of(context, ProblemKind.InvalidDate, "at", text);
        }
        at = day;
        return null;
    }

    public static IResult? Coordinate(HttpContext context, string name, CrsCode crs, bool isX, out double value)
    {
        var text = context.Request.Query[name].ToString();
        value = double.NaN;
        var chinese = Problems.PrefersChinese(context.Request);
        if (text.Length == 0)
        {
            return Problems.Of(context, ProblemKind.InvalidCoordinate, name, text, chinese ? "缺少该参数" : "the parameter is missing");
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            return Problems.Of(context, ProblemKind.InvalidCoordinate, name, text, chinese ? "不是数字" : "not a number");
        }
        var limit = isX ? 180 : 90;
        if (crs.IsLonLat && Math.Abs(value) > limit)
        {
            return Problems.Of(context, ProblemKind.InvalidCoordinate, name, text,
                chinese ? $"超出 ±{limit}°" : $"outside ±{limit}°");
        }
        return null;
    }

    public static IResult? Sigma(HttpContext context, out double? sigma)
    {
        sigma = null;
        var text = context.Request.Query["sigma"].ToString();
        if (text.Length == 0)
        {
            return null;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || !double.IsFinite(s) || s < 0)
        {
            return Problems.Of(context, ProblemKind.InvalidSigma, text);
        }
        sigma = s;
        return null;
    }

    public static bool Flag(HttpContext context, string name) =>
        context.Request.Query[name].ToString() is "true" or "1" or "yes";
}
