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
        ["store.disk_full"] = ("error (environment): no space left on the disk holding {0}: nothing was written, the store is unchanged; free space and run again ({1})",
            "错误（运行环境）：{0} 所在磁盘空间不足（no space left）：未写入任何内容，区划库未改变；请释放空间后重试（{1}）"),
        ["error.gdal_missing"] = (
            "error (environment): {0}: this format is read through GDAL, but the GDAL library '{1}' could not be loaded; install the Debian package libgdal32 (apt-get install gdal-bin brings it), or convert the file to .gpkg, .geojson or .shp first",
            "错误（运行环境）：{0}：此格式需经 GDAL 读取，但无法加载 GDAL 库“{1}”；请安装 Debian 软件包 libgdal32（apt-get install gdal-bin 会一并安装），或先将文件转换为 .gpkg、.geojson 或 .shp"),
        ["error.import_limit.file"] = ("error: {0}: the file is larger than the import limit of {1} bytes (raise it with --max-file-size)", "错误：{0}：文件超过导入上限 {1} 字节（可用 --max-file-size 调高）"),
        ["error.import_limit.line"] = ("error: {0}, line {1}: the line is longer than the import limit of {2} bytes (raise it with --max-line-length)", "错误：{0}，第 {1} 行：该行超过导入上限 {2} 字节（可用 --max-line-length 调高）"),
        ["hint.help"] = ("Run 'boundaries --help' for usage.", "运行 'boundaries --help' 查看用法。"),
        ["where.line"] = ("line {0}", "第 {0} 行"),
        ["where.feature"] = ("feature {0}", "要素 {0}"),
        ["where.field"] = ("field '{0}'", "字段“{0}”"),

        // render
        ["render.wrote"] = ("wrote {0} ({1} × {2} pixels)", "已写出 {0}（{1} × {2} 像素）"),

        // synth
        ["synth.generating"] = ("generating the {0} city (seed {1}{2})", "正在生成{0}样例城市（种子 {1}{2}）"),
        ["synth.dirty"] = (", with injected defects", "，含注入缺陷"),
        ["synth.size.small"] = ("small", "小型"),
        ["synth.size.full"] = ("full-size", "全尺寸"),
        ["synth.wrote"] = ("wrote {0} ({1} divisions, {2} vertices) and {3}", "已写出 {0}（{1} 个区划，{2} 个节点）及 {3}"),
        ["synth.survey"] = ("wrote the field survey {0}: {1} markers, {2} walk logs, truth.json", "已写出外业测量数据 {0}：{1} 个界桩，{2} 个踏勘日志，truth.json"),
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

        // survey import
        ["survey.reading"] = ("reading {0}", "正在读取 {0}"),
        ["survey.import.file"] = ("{0}: {1} points, {2} rejected lines; by fix quality: {3}", "{0}：{1} 个点，拒收 {2} 行；按解算质量：{3}"),
        ["survey.import.rejected"] = ("{0}: line {1} rejected: {2}", "{0}：第 {1} 行拒收：{2}"),
        ["survey.import.warning"] = ("{0}: line {1} warning: {2}", "{0}：第 {1} 行警告：{2}"),
        ["survey.import.more"] = ("{0}: {1} more issues not listed (counted in the totals)", "{0}：另有 {1} 条问题未列出（已计入总数）"),
        ["survey.progress.city"] = ("field-verified: {0:0.0} of {1:0.0} km ({2:P1}) on {3} lines; {4} lines still to walk", "现地勘定：{3} 条界线共 {1:0.0} 千米，已核实 {0:0.0} 千米（{2:P1}）；尚有 {4} 条待踏勘"),
        ["survey.progress.district"] = ("  {0}: {1:0.0} of {2:0.0} km ({3:P1}), {4} lines", "  {0}：{2:0.0} 千米中已核实 {1:0.0} 千米（{3:P1}），{4} 条界线"),
        ["survey.progress.markers"] = ("markers: {0} compared, {1} out of tolerance (> {2} m)", "界桩：比对 {0} 个，超限 {1} 个（> {2} 米）"),
        ["survey.progress.out"] = ("marker {0} out of tolerance: {1:0.000} m {2} of line {3}", "界桩 {0} 超限：偏离界线 {3} {1:0.000} 米（{2}）"),
        ["survey.side.left"] = ("left", "左侧"),
        ["survey.side.right"] = ("right", "右侧"),
        ["survey.side.on"] = ("on the line", "线上"),
        ["survey.progress.rejected"] = ("rejected by the quality gates: {0} marker occupations, {1} track points", "质量检查拒收：界桩观测 {0} 次，轨迹点 {1} 个"),
        ["survey.registers.table"] = ("{0}: {1} rows", "{0}：{1} 行"),
        ["survey.registers.wrote"] = ("wrote the registers to {0} (CSV and registers.html)", "已写出登记表至 {0}（CSV 与 registers.html）"),
        ["survey.conflate.summary"] = ("conflation: {0} points pulled onto {1} lines, {2} divisions changed, {3} points refused; wrote {4}", "界线修正：{0} 个点纳入 {1} 条界线，{2} 个区划变更，{3} 个点未采用；已写出 {4}"),
        ["survey.conflate.refused"] = ("point {0} (line {1}, {2:0.000} m) refused: {3}", "点 {0}（界线 {1}，{2:0.000} 米）未采用：{3}"),
        ["survey.conflate.reason.noline"] = ("no line near it", "附近没有界线"),
        ["survey.conflate.reason.beyondmaxshift"] = ("farther from its line than the largest shift", "偏离界线超过最大移动距离"),
        ["survey.conflate.reason.nearnode"] = ("too near a node, which stays fixed", "距结点过近，结点保持不动"),
        ["survey.conflate.reason.duplicate"] = ("another point is at the same place on the line", "界线同一位置已有其他点"),
        ["survey.conflate.reason.wouldcross"] = ("the moved line would cross another line", "移动后的界线将与其他界线相交"),
        ["survey.conflate.not_stored"] = ("error: division {0} has no version in force in {1}", "错误：区划库 {1} 中没有区划 {0} 的有效版本"),
        ["survey.import.gate"] = ("{0}: quality gate '{1}': {2} accepted, {3} rejected ({4})", "{0}：质量门限“{1}”：采用 {2} 个，拒收 {3} 个（{4}）"),
        ["survey.import.wrote"] = ("wrote {0}: {1} points in layer survey_points", "已写出 {0}：survey_points 图层 {1} 个点"),

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

        // store
        ["store.ready"] = ("store ready: {0}", "区划库已就绪：{0}"),
        ["store.writing"] = ("writing {0} divisions to {1}", "正在将 {0} 个区划写入 {1}"),
        ["store.receipt"] = ("change set {0}: {1} created, {2} replaced, {3} retired, {4} unchanged", "变更集 {0}：新增 {1}，替换 {2}，撤销 {3}，未变 {4}"),
        ["store.pulled"] = ("wrote {0}: {1} divisions in force on {2}", "已写出 {0}：{2} 有效的区划 {1} 个"),
        ["store.rejected"] = ("error: {0}: nothing was written: {1}", "错误：{0}：未写入任何内容：{1}"),
        ["store.conflict"] = ("conflict: {0}", "冲突：{0}"),
        ["store.no_history"] = ("no division {0} in the store", "区划库中没有区划 {0}"),
        ["store.change_set"] = ("change set {0}  effective {1}  {2}: {3}", "变更集 {0}  生效 {1}  {2}：{3}"),
        ["store.version"] = ("  version {0}  {1} – {2}  {3}", "  版本 {0}  {1} – {2}  {3}"),
        // vectorize
        ["vectorize.usage"] = ("give --lines and --labels, or --raster and --table", "请给出 --lines 与 --labels，或 --raster 与 --table"),
        ["vectorize.summary"] = ("{0} divisions written to {1}: {2} errors, {3} warnings, {4} repairs",
                                 "已生成 {0} 个区划并写出 {1}：错误 {2} 处，警告 {3} 处，修复 {4} 处"),
        ["vectorize.finding"] = ("  [{0}] {1}", "  [{0}] {1}"),
        ["vectorize.severity.error"] = ("error", "错误"),
        ["vectorize.severity.warning"] = ("warning", "警告"),
        ["vectorize.severity.info"] = ("repair", "修复"),
        ["vectorize.kind.undershoot"] = ("undershoot closed: line end extended by {0} m at {1}", "已闭合未及（欠头）：线端延长 {0} 米，位置 {1}"),
        ["vectorize.kind.overshoot"] = ("overshoot trimmed: {0} m removed at {1}", "已裁去出头（过头）：删除 {0} 米，位置 {1}"),
        ["vectorize.kind.dangle"] = ("dangle left: a {0} m line ends at {1} beyond the tolerance", "悬挂线：长 {0} 米的线在 {1} 处悬空，超出容差"),
        ["vectorize.kind.cut_edge"] = ("cut edge: a {0} m line with the same face on both sides at {1}", "割边：长 {0} 米的线两侧为同一面，位置 {1}"),
        ["vectorize.kind.no_label"] = ("face of {0} m² at {1} has no label", "面积 {0} 平方米的面（{1}）没有标注点"),
        ["vectorize.kind.several_labels"] = ("face of {0} m² at {1} has labels of several codes: {2}", "面积 {0} 平方米的面（{1}）含多个代码的标注点：{2}"),
        ["vectorize.kind.label_outside"] = ("label {0} at {1} lies in no face", "标注点 {0}（{1}）不在任何面内"),
        ["vectorize.kind.unknown_value"] = ("pixel value {0} is not in the code table ({1} pixels)", "像元值 {0} 不在对照表中（{1} 个像元）"),
        // clean
        ["clean.summary"] = ("{0} divisions cleaned in {1}: {2} coverages changed, {3} changes", "已在 {1} 中清理 {0} 个区划：{2} 个覆盖有变化，共 {3} 处变更"),
        ["clean.count"] = ("  {0}: {1}", "  {0}：{1}"),
        ["clean.wrote"] = ("wrote {0}", "已写出 {0}"),
        ["clean.kind.repaired"] = ("invalid polygons repaired", "修复无效多边形"),
        ["clean.kind.outside_parent_removed"] = ("pieces outside the parent removed", "删除超出上级的部分"),
        ["clean.kind.gap_filled"] = ("gaps filled", "填补缝隙"),
        ["clean.kind.overlap_resolved"] = ("overlaps resolved", "消除重叠"),
        ["clean.kind.sliver_merged"] = ("slivers merged", "合并碎面"),
        ["clean.kind.near_miss_snapped"] = ("near-miss edges snapped", "吸附近似重合边"),
        ["clean.kind.gap_left_open"] = ("gaps left open", "未填补的缝隙"),

        // simplify
        ["simplify.summary"] = ("{0} divisions simplified at {1} m in {2}: {3} -> {4} vertices", "已在 {2} 中按 {1} 米化简 {0} 个区划：节点 {3} -> {4}"),
        // locate and serve
        ["locate.usage"] = ("give either --lon and --lat, or --input and --output", "请给出 --lon 和 --lat，或 --input 和 --output"),
        ["locate.level"] = ("{0,-12} {1} {2}", "{0,-12} {1} {2}"),
        ["locate.outside"] = ("{0,-12} (outside every division)", "{0,-12} （不在任何区划内）"),
        ["locate.on_boundary"] = ("  on the boundary of: {0}", "  位于界线上，相关区划：{0}"),
        ["locate.distance"] = ("  {0} m from the nearest boundary", "  距最近界线 {0} 米"),
        ["locate.ambiguous"] = ("  AMBIGUOUS within sigma", "  在误差范围内归属不确定"),
        ["locate.wrote"] = ("wrote {0}: {1} points in {2} s ({3} M points/s)", "已写出 {0}：{1} 个点，用时 {2} 秒（每秒 {3} 百万点）"),
        ["serve.listening"] = ("serving {0} on {1} (Ctrl-C to stop)", "正在发布 {0}，地址 {1}（按 Ctrl-C 停止）"),
        // serve: access and limits (issue 9)
        ["serve.access.open"] = ("access: no keys or token secret configured: loopback callers act as admin (give --keys or --jwt-secret-file to require credentials)", "访问控制：未配置密钥或令牌签名密钥，本机调用方具有管理员权限（使用 --keys 或 --jwt-secret-file 以要求凭据）"),
        ["serve.access.enforced"] = ("access: writes need credentials; keys file {0}; {1}; anonymous reads: {2}; audit: {3}", "访问控制：写操作需要凭据；密钥文件 {0}；{1}；匿名读取：{2}；审计：{3}"),
        ["serve.tokens.on"] = ("bearer tokens accepted", "接受 Bearer 令牌"),
        ["serve.tokens.off"] = ("bearer tokens not accepted", "不接受 Bearer 令牌"),
        ["serve.anonymous.loopback"] = ("this machine only", "仅限本机"),
        ["serve.anonymous.always"] = ("everyone", "所有人"),
        ["serve.anonymous.never"] = ("no one", "不允许"),
        ["serve.audit.log_only"] = ("log only", "仅写入日志"),
        ["serve.secret_short"] = ("{0}: the token secret must be at least 32 bytes", "{0}：令牌签名密钥至少需要 32 字节"),
        ["serve.bad_anonymous"] = ("--anonymous must be loopback, always or never, got '{0}'", "--anonymous 应为 loopback、always 或 never，实际为“{0}”"),
        ["serve.bad_size"] = ("{0} must be a size such as 1048576, 512k, 1M or 2G, got '{1}'", "{0} 应为大小，如 1048576、512k、1M 或 2G，实际为“{1}”"),
        ["serve.bad_number"] = ("{0} must be a positive number, got '{1}'", "{0} 应为正数，实际为“{1}”"),
        // keys
        ["keys.added"] = ("added the key of '{0}' (role {1}) to {2}; only its SHA-256 is stored: keep the key printed above now, it is not shown again", "已将“{0}”的密钥（角色 {1}）加入 {2}；文件只保存其 SHA-256 散列：请立即保存上面打印的密钥，之后不再显示"),
        ["keys.bad_role"] = ("--role must be viewer, surveyor, planner or admin, got '{0}'", "--role 应为 viewer、surveyor、planner 或 admin，实际为“{0}”"),
        ["keys.bad_name"] = ("--name must be 1 to 200 characters without spaces and not start with '#', got '{0}'", "--name 应为 1 至 200 个字符，不含空白且不以“#”开头，实际为“{0}”"),
        ["keys.duplicate"] = ("a key named '{0}' is already in {1}", "{1} 中已有名为“{0}”的密钥"),
        // validate
        ["validate.summary"] = ("{0} divisions in {1} coverages: {2} errors, {3} warnings, {4} accepted as exceptions", "共 {0} 个区划、{1} 个覆盖层：错误 {2} 项，警告 {3} 项，已接受例外 {4} 项"),
        ["validate.finding"] = ("  {0} {1} ({2}) [{3}] {4} at {5}: {6}", "  {0} {1}（{2}）[{3}] {4}，位置 {5}：{6}"),
        ["validate.wrote"] = ("wrote {0}", "已写出 {0}"),
        ["validate.report"] = ("wrote the report {0}", "已写出检查报告 {0}"),
        ["validate.bad_code"] = ("'{0}' is not a finding code (see the codes in the report)", "“{0}”不是检查项代码"),
        ["severity.error"] = ("error", "错误"),
        ["severity.warning"] = ("warning", "警告"),
        ["severity.info"] = ("info", "提示"),
        ["finding.invalid_geometry"] = ("invalid geometry", "几何无效"),
        ["finding.ring_not_closed"] = ("ring not closed", "环未闭合"),
        ["finding.too_few_points"] = ("ring with too few points", "环点数过少"),
        ["finding.self_intersection"] = ("self-intersecting ring", "环自相交"),
        ["finding.overlap"] = ("overlap", "区划重叠"),
        ["finding.gap"] = ("gap", "区划间缝隙"),
        ["finding.gap_open_to_outside"] = ("gap reaching the parent's edge", "通向上级边界的缝隙"),
        ["finding.near_miss_edge"] = ("shared edge that nearly matches", "共用边界未完全重合"),
        ["finding.sliver"] = ("sliver", "细长碎片"),
        ["finding.tiny_part"] = ("tiny part", "微小图斑"),
        ["finding.duplicate_division"] = ("duplicate division", "重复区划"),
        ["finding.outside_parent"] = ("outside the parent", "超出上级区划"),
        ["finding.children_do_not_cover_parent"] = ("children do not cover the parent", "下级未完整覆盖上级"),
        ["finding.code_prefix_mismatch"] = ("code not under the parent's", "代码不在上级代码之下"),
        ["finding.level_code_mismatch"] = ("level does not fit the code", "层级与代码不符"),
        ["finding.empty_name"] = ("empty name", "名称为空"),
        ["finding.malformed_code"] = ("malformed code", "代码格式错误"),
        ["finding.duplicate_code"] = ("duplicate code", "代码重复"),

        // topology
        // enclaves
        ["enclaves.finding"] = ("{0}: {1} in {2} (order {3}, {4} m²)", "{0}：{1} 位于 {2}（第 {3} 重，{4} 平方米）"),
        ["enclaves.found"] = ("{0} enclave findings: {1}", "飞地 {0} 处：{1}"),
        ["enclaves.planned"] = ("planned {0} transfers for {1} findings (solver {2}, cost {3}); wrote {4}", "共 {1} 处飞地，拟划转 {0} 处（求解器 {2}，代价 {3}）；已写出 {4}"),
        ["enclaves.markers"] = ("{0} markers from {1} (tolerance {2} m, weight {3} per marker); {4} would move in the plan", "界桩 {0} 个，来自 {1}（容差 {2} 米，每个界桩代价 {3}）；方案需迁移界桩 {4} 个"),
        ["enclaves.retired"] = ("  {0} {1} ends (merged into {2})", "  {0} {1} 撤销（并入 {2}）"),
        ["enclaves.carried"] = ("  {0} {1} → {2} ({3}, under {4})", "  {0} {1} → {2}（{3}，隶属 {4}）"),
        ["enclaves.carried.moved"] = ("moved whole, new code", "整建制划入，新代码"),
        ["enclaves.carried.merged"] = ("cut part merged into", "切分部分并入"),
        ["enclaves.applied"] = ("applied {0} transfers ({1} divisions changed) effective {2}; wrote {3}; validation findings: {4}", "已执行划转 {0} 处（涉及区划 {1} 个），生效日期 {2}；已写出 {3}；检查发现问题 {4} 处"),
        ["enclaves.not_stored"] = ("error: division {0} has no version in force in {1} on {2}; nothing was written", "错误：区划库 {1} 中没有区划 {0} 在 {2} 的有效版本；未写入任何内容"),
        ["enclaves.new_errors"] = ("the plan would introduce {0} error findings (the store was not written): {1}", "方案将引入 {0} 处错误（未写入区划库）：{1}"),
        ["enclaves.report"] = ("wrote the change list {0} ({1} changes) and the pieces {2}", "已写出变更一览表 {0}（{1} 处变更）及划转地块 {2}"),
        ["enclaves.bad_date"] = ("effective date must be YYYY-MM-DD, got '{0}'", "生效日期应为 YYYY-MM-DD，实际为“{0}”"),

        ["topology.summary"] = ("{0} lines, {1} nodes ({2} tri-junctions), {3} adjacent pairs; wrote {4}", "界线 {0} 条，节点 {1} 个（三交点 {2} 个），相邻区划 {3} 对；已写出 {4}"),
        ["topology.level"] = ("  {0}: {1} lines, {2} nodes, {3} tri-junctions", "  {0}：界线 {1} 条，节点 {2} 个，三交点 {3} 个"),
        ["topology.conflicts"] = ("warning: {0} segment sides are claimed by two divisions (overlaps); validate and clean first", "警告：{0} 处线段同侧被两个区划占用（重叠），请先检查并清理"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static (string En, string Zh) Get(string key) =>
        Table.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no message '{key}'");

    public static IEnumerable<string> Keys => Table.Keys;
}
