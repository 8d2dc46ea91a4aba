using System.Globalization;

namespace Boundaries.Geo.Validation;

/// <summary>
/// Finding descriptions in the report's language: English is the finding's own <see cref="Finding.Message"/>; Chinese
/// (zh-CN) is rendered from its <see cref="Finding.Detail"/> with the templates below. A finding without a detail keeps
/// its English message in every language.
/// </summary>
public static class FindingDetails
{
    /// <summary>The description of <paramref name="finding"/> in <paramref name="language"/>.</summary>
    public static string Text(Finding finding, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (language != ReportLanguage.Chinese || finding.Detail is not { } detail || !Chinese.TryGetValue(detail.Key, out var template))
        {
            return finding.Message;
        }
        var text = string.Format(CultureInfo.InvariantCulture, template, [.. detail.Arguments]);
        return detail.CascadesFrom is { } invalid ? text + $"（由 {invalid} 的无效几何引起）" : text;
    }

    /// <summary>True when <paramref name="key"/> has a Chinese template.</summary>
    internal static bool HasTemplate(string key) => Chinese.ContainsKey(key);

    private static readonly Dictionary<string, string> Chinese = new()
    {
        ["not_polygon"] = "{0}：几何类型为 {1}，不是面",
        ["collapsed_rings"] = "{0}：{1} 个环在 1 毫米格网上不足 4 个点",
        ["invalid"] = "{0}：几何无效（{1}），位置 {2}",
        ["tiny_part"] = "{0}：第 {1} 部分（共 {2} 部分）面积仅 {3} 平方米",
        ["duplicate_geometry"] = "{0} 的几何完全相同",
        ["empty_name"] = "{0}：名称为空",
        ["empty_code"] = "有区划的代码为空",
        ["prefix_not_parent"] = "{0} 不以上级代码 {1} 开头",
        ["malformed_code"] = "“{0}”不是有效的区划代码：{1}",
        ["level_mismatch"] = "{0} 是 {1} 级代码，但该区划的级别为 {2}",
        ["not_under_parent"] = "{0} 不在上级代码 {1} 之下",
        ["duplicate_code"] = "同时有效的 {0} 个区划使用同一代码 {1}（{2}）",
        ["near_miss"] = "{0} 的边界相互错开，最大 {1} 米（{2}，面积 {3} 平方米，沿线 {4} 米）",
        ["near_miss_pieces"] = "{0} 的边界相互错开，最大 {1} 米（{2}，面积 {3} 平方米，沿线 {4} 米，共 {5} 块）",
        ["sliver"] = "{0} 之间的狭长{1}，最宽 {2} 米（{3} 平方米）",
        ["sliver_pieces"] = "{0} 之间的狭长{1}，最宽 {2} 米（{3} 平方米，共 {4} 块）",
        ["outside_parent"] = "{0}：{1} 平方米位于上级区划 {2} 之外",
        ["overlap"] = "{0} 相互重叠 {1} 平方米（最宽 {2} 米）",
        ["gap_open"] = "{0} 之间有 {1} 平方米的缝隙，延伸到上级区划边缘（最宽 {2} 米）",
        ["gap"] = "{0} 之间有 {1} 平方米的缝隙（最宽 {2} 米）",
        ["children_do_not_cover"] = "{0} 下属的{1}级区划与其相差 {2} 平方米，共 {3} 处",
    };

    /// <summary>"gap", "overlap" or "gap and overlap" in Chinese.</summary>
    internal static string ChineseKind(string kinds) => kinds switch
    {
        "gap" => "缝隙",
        "overlap" => "重叠",
        _ => "缝隙和重叠",
    };
}
