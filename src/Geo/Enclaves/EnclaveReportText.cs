using Boundaries.Geo.Validation;

namespace Boundaries.Geo.Enclaves;

/// <summary>The texts of <see cref="EnclaveReport"/> in English and Chinese.</summary>
internal static class EnclaveReportText
{
    private static readonly Dictionary<string, (string En, string Zh)> Texts = new(StringComparer.Ordinal)
    {
        ["title"] = ("Boundary change list (enclave resolution)", "行政区域界线变更一览表（飞地调整）"),
        ["count"] = ("{0} changes, effective {1}", "共 {0} 处变更，生效日期 {1}"),
        ["col.no"] = ("No.", "序号"),
        ["col.from"] = ("Belonged to (before)", "变更前隶属"),
        ["col.to"] = ("Belongs to (after)", "变更后隶属"),
        ["col.area"] = ("Area (m²)", "面积(平方米)"),
        ["col.people"] = ("Population", "人口"),
        ["col.new_boundary"] = ("New boundary length (m)", "新增界线长度(米)"),
        ["col.markers"] = ("Markers to move", "需迁移界桩"),
        ["col.effective"] = ("Effective date", "生效日期"),
        ["households"] = ("Households", "户数"),
        ["facilities"] = ("Facilities", "设施"),
        ["following"] = ("New boundary along roads or rivers", "新增界线沿道路或河流比例"),
        ["junctions"] = ("Junctions removed / kept (their markers go / are renamed)", "界线交汇点 撤除 / 保留（界桩撤除 / 更名）"),
        ["before"] = ("Before", "变更前"),
        ["after"] = ("After", "变更后"),
        ["legend"] = ("Blue: giving division; orange: receiving division; red dashes: the piece. Gauss-Krüger plane, north up.",
            "蓝色：划出方；橙色：划入方；红色虚线：划转地块。高斯-克吕格投影平面，上北。"),
        ["geojson"] = ("The piece as GeoJSON", "划转地块（GeoJSON）"),
        ["levels"] = ("Levels affected", "涉及层级"),
        ["carried.moved"] = ("{0}: moved whole, new code {1}", "{0}：整建制划入，新代码 {1}"),
        ["carried.merged"] = ("{0}: cut part ({1}) merged into {2}", "{0}：切分部分（{1}）并入 {2}"),
    };

    public static string Of(ReportLanguage language, string key) =>
        Texts.TryGetValue(key, out var t) ? (language == ReportLanguage.Chinese ? t.Zh : t.En) : key;
}
