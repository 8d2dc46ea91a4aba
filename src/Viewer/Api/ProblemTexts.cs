using System.Collections.Frozen;

namespace Boundaries.Viewer.Api;

/// <summary>Titles and details of every problem, English and Chinese (zh-CN); details take {0}, {1} in the same order in both.</summary>
internal static class ProblemTexts
{
    private static readonly FrozenDictionary<ProblemKind, (string Slug, int Status, string TitleEn, string TitleZh, string DetailEn, string DetailZh)> Table =
        new Dictionary<ProblemKind, (string, int, string, string, string, string)>
        {
            [ProblemKind.InvalidCoordinate] = ("invalid-coordinate", 400, "Invalid coordinate", "坐标无效",
                "parameter '{0}' = '{1}' is not a usable coordinate: {2}", "参数“{0}” = “{1}”不是可用的坐标：{2}"),
            [ProblemKind.UnknownCrs] = ("unknown-crs", 400, "Unknown coordinate system", "未知坐标系",
                "'{0}' is not a supported coordinate system; use EPSG:4490, EPSG:4326, EPSG:4513–4554, gcj02 or bd09",
                "不支持坐标系“{0}”；可用 EPSG:4490、EPSG:4326、EPSG:4513–4554、gcj02 或 bd09"),
            [ProblemKind.InvalidDate] = ("invalid-date", 400, "Invalid date", "日期无效",
                "parameter '{0}' = '{1}' is not a date; write YYYY-MM-DD", "参数“{0}” = “{1}”不是日期；请写作 YYYY-MM-DD"),
            [ProblemKind.InvalidSigma] = ("invalid-sigma", 400, "Invalid uncertainty", "精度参数无效",
                "sigma = '{0}' must be a number of metres, 0 or more", "sigma = “{0}”应为不小于 0 的米数"),
            [ProblemKind.InvalidBbox] = ("invalid-bbox", 400, "Invalid bounding box", "范围框无效",
                "bbox = '{0}' must be four numbers minLon,minLat,maxLon,maxLat (or six with heights)", "bbox = “{0}”应为四个数 最小经度,最小纬度,最大经度,最大纬度（或含高程的六个数）"),
            [ProblemKind.InvalidLimit] = ("invalid-limit", 400, "Invalid limit or offset", "分页参数无效",
                "parameter '{0}' = '{1}' must be a whole number from {2} to {3}", "参数“{0}” = “{1}”应为 {2} 至 {3} 的整数"),
            [ProblemKind.InvalidDatetime] = ("invalid-datetime", 400, "Invalid datetime", "时间参数无效",
                "datetime = '{0}' must be a date, a date-time, or an interval a/b with '..' for an open end", "datetime = “{0}”应为日期、日期时间，或以“..”表示开放端的区间 a/b"),
            [ProblemKind.InvalidBody] = ("invalid-body", 400, "Unreadable request body", "请求内容无法读取",
                "{0}", "{0}"),
            [ProblemKind.UnsupportedMediaType] = ("unsupported-media-type", 415, "Unsupported media type", "不支持的内容类型",
                "send text/csv (id,x,y), application/json (an array of {{id, x, y}}) or application/geo+json (a FeatureCollection of points); got '{0}'",
                "请发送 text/csv（id,x,y）、application/json（{{id, x, y}} 数组）或 application/geo+json（点要素集合）；收到的是“{0}”"),
            [ProblemKind.NotFound] = ("not-found", 404, "Not found", "未找到",
                "there is no {0} '{1}'", "不存在{0}“{1}”"),
            [ProblemKind.ImportLineTooLong] = ("line-too-long", 413, "Line too long", "行过长",
                "{0}, line {1}: the line is longer than the import limit of {2} bytes; nothing was kept", "{0}，第 {1} 行：该行超过导入上限 {2} 字节；未保留任何内容"),
            [ProblemKind.StoreUnavailable] = ("store-unavailable", 503, "Store unavailable", "区划库不可用",
                "the change was not saved, the store cannot be reached: {0}; lookups go on from memory, try the change again later",
                "变更未保存，无法连接区划库：{0}；查询仍由内存应答，请稍后重试"),
            [ProblemKind.StoreConflict] = ("store-conflict", 409, "Changed by someone else", "已被他人修改",
                "{0}", "{0}（请重新加载后再编辑）"),
            [ProblemKind.StoreRejected] = ("store-rejected", 422, "The store refused the change", "区划库拒绝了变更",
                "{0}; nothing was saved", "{0}；未保存任何内容"),
            [ProblemKind.InvalidZoom] = ("invalid-zoom", 400, "Invalid zoom level", "缩放级别无效",
                "zoom = '{0}' must be a whole number from 0 to {1}", "zoom = “{0}”应为 0 至 {1} 的整数"),
            [ProblemKind.TooManyVertices] = ("too-many-vertices", 422, "Too many vertices in view", "视图内节点过多",
                "the {0} lines in this view hold {1} vertices, more than the limit of {2}; zoom in (or pass a smaller bbox) to edit",
                "此视图内的界线（级别 {0}）共有 {1} 个节点，超过上限 {2}；请放大地图（或缩小 bbox）后再编辑"),
        }.ToFrozenDictionary();

    public static IEnumerable<ProblemKind> Kinds => Table.Keys;

    public static string Type(ProblemKind kind) => "urn:boundaries:problem:" + Table[kind].Slug;

    public static int Status(ProblemKind kind) => Table[kind].Status;

    public static string Title(ProblemKind kind, bool chinese) => chinese ? Table[kind].TitleZh : Table[kind].TitleEn;

    public static string Detail(ProblemKind kind, bool chinese, params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, chinese ? Table[kind].DetailZh : Table[kind].DetailEn, args);

    public static (string En, string Zh) DetailFormats(ProblemKind kind) => (Table[kind].DetailEn, Table[kind].DetailZh);
}
