using System.Collections.Frozen;

namespace Boundaries.Cli.Infrastructure;

/// <summary>
/// Every text the command prints for a person, in English and Chinese (zh-CN), by key.
/// Placeholders follow string.Format: {0}, {1} … in the same order in both languages.
/// </summary>
internal static class Messages
{
    private static readonly FrozenDictionary<string, (string En, string Zh)> Table = new Dictionary<string, (string, string)>
    {
        // errors and hints
        ["error.input"] = ("error: {0}: {1}", "错误：{0}：{1}"),
        ["error.not_found"] = ("error: file not found: {0}", "错误：找不到文件：{0}"),
        ["error.usage"] = ("error: {0}", "错误：{0}"),
        ["error.environment"] = ("error (environment): {0}", "错误（运行环境）：{0}"),
        ["hint.help"] = ("Run 'boundaries --help' for usage.", "运行 'boundaries --help' 查看用法。"),
        ["where.line"] = ("line {0}", "第 {0} 行"),
        ["where.feature"] = ("feature {0}", "要素 {0}"),
        ["where.field"] = ("field '{0}'", "字段“{0}”"),

        // synth
        ["synth.generating"] = ("generating the {0} city (seed {1}{2})", "正在生成{0}样例城市（种子 {1}{2}）"),
        ["synth.dirty"] = (", with injected defects", "，含注入缺陷"),
        ["synth.size.small"] = ("small", "小型"),
        ["synth.size.full"] = ("full-size", "全尺寸"),
        ["synth.wrote"] = ("wrote {0} ({1} divisions, {2} vertices) and {3}", "已写出 {0}（{1} 个区划，{2} 个节点）及 {3}"),
        ["synth.defects"] = ("injected defects: {0}", "注入缺陷：{0}"),

        // info
        ["info.file"] = ("file", "文件"),
        ["info.format"] = ("format", "格式"),
        ["info.crs"] = ("coordinate system", "坐标系"),
        ["info.crs_detected"] = ("{0} (detected from coordinate ranges: no CRS in the file)", "{0}（文件未声明坐标系，按坐标范围判定）"),
        ["info.divisions"] = ("divisions", "区划数"),
        ["info.level"] = ("  {0,-12} {1}", "  {0,-12} {1}"),
        ["info.vertices"] = ("vertices", "节点数"),
        ["info.extent"] = ("extent (lon/lat)", "范围（经纬度）"),
        ["info.extent_native"] = ("extent ({0})", "范围（{0}）"),
        ["info.area"] = ("ellipsoidal area", "椭球面积"),
        ["info.gk"] = ("metric system for this data", "本数据的高斯-克吕格投影"),

        // convert
        ["convert.reading"] = ("reading {0}", "正在读取 {0}"),
        ["convert.wrote"] = ("wrote {0}: {1} divisions in {2}", "已写出 {0}：{1} 个区划，坐标系 {2}"),

        // normalize
        ["normalize.summary"] = ("{0} divisions normalized on the 1 mm grid of {1}: {2} changed, {3} repairs",
                                 "{0} 个区划已按 {1} 的 1 毫米格网规整：{2} 个有变化，修复 {3} 处"),
        ["normalize.change"] = ("  {0} {1}: {2}", "  {0} {1}：{2}"),
        ["normalize.kind.snapped"] = ("{0} vertices moved onto the grid, largest move {1} mm", "{0} 个节点移至格网，最大移动 {1} 毫米"),
        ["normalize.kind.repeated"] = ("{0} repeated vertices merged", "合并重复节点 {0} 个"),
        ["normalize.kind.collapsed"] = ("a ring collapsed on the grid and was dropped (area {0} m²)", "一个环在格网上退化并被删除（面积 {0} 平方米）"),
        ["normalize.kind.repaired"] = ("{0} repaired (area changed by {1} m²)", "已修复{0}（面积变化 {1} 平方米）"),
        ["defect.self_intersection"] = ("self-intersection", "自相交"),
        ["defect.ring_self_intersection"] = ("ring self-intersection", "环自相交"),
        ["defect.hole_outside_shell"] = ("hole outside its shell", "内环位于外环之外"),
        ["defect.nested_holes"] = ("nested holes", "内环嵌套"),
        ["defect.disconnected_interior"] = ("disconnected interior", "内部不连通"),
        ["defect.nested_shells"] = ("nested shells", "外环嵌套"),
        ["defect.duplicate_rings"] = ("duplicate rings", "重复环"),
        ["defect.too_few_points"] = ("too few points", "点数过少"),
        ["defect.ring_not_closed"] = ("ring not closed", "环未闭合"),
        ["defect.other"] = ("invalid geometry", "无效几何"),

        // locate and serve
        ["locate.usage"] = ("give either --lon and --lat, or --input and --output", "请给出 --lon 和 --lat，或 --input 和 --output"),
        ["locate.level"] = ("{0,-12} {1} {2}", "{0,-12} {1} {2}"),
        ["locate.outside"] = ("{0,-12} (outside every division)", "{0,-12} （不在任何区划内）"),
        ["locate.on_boundary"] = ("  on the boundary of: {0}", "  位于界线上，相关区划：{0}"),
        ["locate.distance"] = ("  {0} m from the nearest boundary", "  距最近界线 {0} 米"),
        ["locate.ambiguous"] = ("  AMBIGUOUS within sigma", "  在误差范围内归属不确定"),
        ["locate.wrote"] = ("wrote {0}: {1} points in {2} s ({3} M points/s)", "已写出 {0}：{1} 个点，用时 {2} 秒（每秒 {3} 百万点）"),
        ["serve.listening"] = ("serving {0} on {1} (Ctrl-C to stop)", "正在发布 {0}，地址 {1}（按 Ctrl-C 停止）"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static (string En, string Zh) Get(string key) =>
        Table.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no message '{key}'");

    public static IEnumerable<string> Keys => Table.Keys;
}
