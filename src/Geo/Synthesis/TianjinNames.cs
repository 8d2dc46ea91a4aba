namespace Boundaries.Geo.Synthesis;

/// <summary>Tianjin's real district codes and names, and the syllables township names are built from.</summary>
internal static class TianjinNames
{
    public const string CityCode = "120100";
    public const string CityName = "天津市";

    public static string DistrictName(int code) => code switch
    {
        120101 => "和平区",
        120102 => "河东区",
        120103 => "河西区",
        120104 => "南开区",
        120105 => "河北区",
        120106 => "红桥区",
        120110 => "东丽区",
        120111 => "西青区",
        120112 => "津南区",
        120113 => "北辰区",
        120114 => "武清区",
        120115 => "宝坻区",
        120116 => "滨海新区",
        120117 => "宁河区",
        120118 => "静海区",
        120119 => "蓟州区",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a Tianjin district code"),
    };

    /// <summary>Districts whose townships include 乡 (the rural north and south).</summary>
    public static bool HasXiang(int code) => code is 120114 or 120115 or 120117 or 120118 or 120119;

    /// <summary>Two-character name stems; a district takes distinct ones, so names are unique within it.</summary>
    public static readonly string[] Stems =
    [
        "新华", "杨柳", "青光", "大港", "小站", "劝业", "南市", "五大", "体育", "鼓楼", "兴南", "万新", "中山", "富民",
        "大直", "友谊", "天塔", "尖山", "挂甲", "陈塘", "长虹", "王顶", "学府", "向阳", "嘉陵", "华苑", "光复", "望海",
        "铁东", "宁园", "月牙", "江都", "鸿顺", "芥园", "西沽", "三条", "咸阳", "丁字", "邵公", "和苑", "西营", "大毕",
        "双街", "宜兴", "青源", "北仓", "天穆", "瑞景", "果园", "双口", "西堤", "杨村", "王庆", "河西", "泗村", "梅厂",
        "大碱", "黄庄", "崔黄", "汊沽", "大良", "石各", "上马", "豆张", "高村", "东马", "南蔡", "大王", "白古", "城关",
        "礼让", "渠阳", "下仓", "邦均", "别山", "尤古", "上仓", "马伸", "东施", "出头", "桑梓", "官庄", "穿芳", "罗庄",
        "芦台", "丰台", "岳龙", "板桥", "造甲", "潘庄", "七里", "苗庄", "东棘", "北淮", "赵沽", "唐官", "台头", "蔡公",
        "大邱", "沿庄", "陈官", "双塘", "子牙", "中旺", "杨成", "良王", "团泊", "梁头", "万家", "北大", "林亭", "葛沽",
        "咸水", "辛庄", "双桥", "八里", "北闸", "海河", "胡家", "塘沽", "汉沽", "新河", "古林", "太平", "中塘", "新城",
    ];
}
