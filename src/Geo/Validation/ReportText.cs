namespace Boundaries.Geo.Validation;

/// <summary>The fixed text of the HTML report in English and Chinese.</summary>
internal static class ReportText
{
    public static string Of(ReportLanguage language, string key) => language == ReportLanguage.Chinese ? Chinese[key] : English[key];

    public static string Describe(ReportLanguage language, FindingCode code) =>
        language == ReportLanguage.Chinese ? CodeChinese[code] : CodeEnglish[code];

    private static readonly Dictionary<string, string> English = new()
    {
        ["title"] = "Boundary validation report",
        ["summary"] = "{0} divisions in {1} coverages: {2} errors, {3} warnings, {4} accepted as exceptions.",
        ["counts"] = "Findings by kind",
        ["code"] = "Code",
        ["meaning"] = "Meaning",
        ["count"] = "Count",
        ["findings"] = "Findings",
        ["severity"] = "Severity",
        ["divisions"] = "Divisions",
        ["measure"] = "Measure",
        ["where"] = "Where (lon, lat)",
        ["message"] = "Message",
        ["map"] = "Map: grey = divisions, red = findings of this kind",
        ["none"] = "No findings: the data passed every check that was switched on.",
        ["error"] = "error",
        ["warning"] = "warning",
        ["info"] = "info",
    };

    private static readonly Dictionary<string, string> Chinese = new()
    {
        ["title"] = "界线检查报告",
        ["summary"] = "共 {0} 个区划、{1} 个覆盖层：错误 {2} 项，警告 {3} 项，已接受的例外 {4} 项。",
        ["counts"] = "按类别统计",
        ["code"] = "代码",
        ["meaning"] = "含义",
        ["count"] = "数量",
        ["findings"] = "问题清单",
        ["severity"] = "级别",
        ["divisions"] = "涉及区划",
        ["measure"] = "量值",
        ["where"] = "位置（经度，纬度）",
        ["message"] = "说明",
        ["map"] = "示意图：灰色为区划，红色为该类问题",
        ["none"] = "未发现问题：数据通过了所有已启用的检查。",
        ["error"] = "错误",
        ["warning"] = "警告",
        ["info"] = "提示",
    };

    private static readonly Dictionary<FindingCode, string> CodeEnglish = new()
    {
        [FindingCode.InvalidGeometry] = "invalid geometry",
        [FindingCode.RingNotClosed] = "ring not closed",
        [FindingCode.TooFewPoints] = "ring with too few points",
        [FindingCode.SelfIntersection] = "self-intersecting ring",
        [FindingCode.Overlap] = "overlap between divisions",
        [FindingCode.Gap] = "gap between divisions",
        [FindingCode.GapOpenToOutside] = "gap reaching the parent's edge",
        [FindingCode.NearMissEdge] = "shared edge that nearly matches",
        [FindingCode.Sliver] = "sliver (thin gap or overlap)",
        [FindingCode.TinyPart] = "tiny polygon part",
        [FindingCode.DuplicateDivision] = "duplicate division geometry",
        [FindingCode.OutsideParent] = "area outside the parent",
        [FindingCode.ChildrenDoNotCoverParent] = "children do not cover the parent",
        [FindingCode.CodePrefixMismatch] = "code not under the parent's code",
        [FindingCode.LevelCodeMismatch] = "level does not fit the code",
        [FindingCode.EmptyName] = "empty name",
        [FindingCode.MalformedCode] = "malformed code",
        [FindingCode.DuplicateCode] = "duplicate code",
    };

    private static readonly Dictionary<FindingCode, string> CodeChinese = new()
    {
        [FindingCode.InvalidGeometry] = "几何无效",
        [FindingCode.RingNotClosed] = "环未闭合",
        [FindingCode.TooFewPoints] = "环点数过少",
        [FindingCode.SelfIntersection] = "环自相交",
        [FindingCode.Overlap] = "区划重叠",
        [FindingCode.Gap] = "区划间缝隙",
        [FindingCode.GapOpenToOutside] = "通向上级边界的缝隙",
        [FindingCode.NearMissEdge] = "共用边界未完全重合",
        [FindingCode.Sliver] = "细长碎片（窄缝隙或窄重叠）",
        [FindingCode.TinyPart] = "微小图斑",
        [FindingCode.DuplicateDivision] = "重复的区划几何",
        [FindingCode.OutsideParent] = "超出上级区划",
        [FindingCode.ChildrenDoNotCoverParent] = "下级区划未完整覆盖上级",
        [FindingCode.CodePrefixMismatch] = "代码不在上级代码之下",
        [FindingCode.LevelCodeMismatch] = "层级与代码不符",
        [FindingCode.EmptyName] = "名称为空",
        [FindingCode.MalformedCode] = "代码格式错误",
        [FindingCode.DuplicateCode] = "代码重复",
    };
}
