namespace Boundaries.Viewer.Limits;

/// <summary>A request went past a configured limit; carries the problem to answer with.</summary>
internal sealed class LimitExceededException(int status, string slug, string title, string titleZh, string detail, string detailZh)
    : IOException(detail)
{
    public int Status { get; } = status;

    public string Slug { get; } = slug;

    public string Title { get; } = title;

    public string TitleZh { get; } = titleZh;

    public string DetailZh { get; } = detailZh;

    public static LimitExceededException BodyTooLarge(long max) => new(413, "body-too-large", "Request body too large", "请求内容过大",
        $"the request body is larger than the limit of {max} bytes", $"请求内容超过 {max} 字节的上限");

    public static LimitExceededException TooManyPoints(long max) => new(413, "too-many-points", "Too many points", "点数过多",
        $"a batch may hold at most {max} points; split it into several requests", $"一次批量查询最多 {max} 个点；请分成多次请求");

    public static LimitExceededException TooDeep(int max) => new(400, "too-deep", "JSON nested too deeply", "JSON 嵌套过深",
        $"the request body nests JSON deeper than {max} levels", $"请求内容的 JSON 嵌套超过 {max} 层");

    public static LimitExceededException TooManyVertices(long count, int max) => new(400, "too-many-vertices", "Too many vertices", "顶点过多",
        $"the edit has {count} vertices; at most {max} are accepted in one geometry", $"该编辑含 {count} 个顶点；单个几何最多接受 {max} 个");
}
