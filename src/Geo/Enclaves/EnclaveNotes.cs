using System.Globalization;
using Boundaries.Geo.Validation;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// A finding's note in the reader's language. Every finder builds its note from a template key and arguments
/// (<see cref="EnclaveEvidence.Detail"/>); English is also kept whole in <see cref="EnclaveEvidence.Note"/> (the JSON
/// <c>note</c>, unchanged), Chinese (zh-CN) is rendered from the same key and arguments.
/// </summary>
public static class EnclaveNotes
{
    /// <summary>The note of <paramref name="finding"/> in <paramref name="language"/>; the English note when the finding
    /// carries no detail.</summary>
    public static string Text(EnclaveFinding finding, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (language != ReportLanguage.Chinese || finding.Evidence.Detail is not { } detail || !Templates.TryGetValue(detail.Key, out var t))
        {
            return finding.Evidence.Note;
        }
        return string.Format(CultureInfo.InvariantCulture, t.Zh, [.. detail.Arguments]);
    }

    /// <summary>The detail for <paramref name="key"/> (numbers already formatted, invariant) and its English sentence.</summary>
    /// <exception cref="ArgumentException">No template has that key.</exception>
    internal static (string Note, FindingDetail Detail) Of(string key, params object[] arguments)
    {
        if (!Templates.TryGetValue(key, out var t))
        {
            throw new ArgumentException($"no enclave note template '{key}'", nameof(key));
        }
        var detail = FindingDetail.Of(key, arguments);
        return (string.Format(CultureInfo.InvariantCulture, t.En, [.. detail.Arguments]), detail);
    }

    /// <summary>Formats a length or area as the notes always have: <c>0.#</c> or <c>0</c>, invariant digits.</summary>
    internal static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The template keys (for tests: every key renders in both languages).</summary>
    public static IReadOnlyCollection<string> Keys => Templates.Keys;

    private static readonly Dictionary<string, (string En, string Zh)> Templates = new(StringComparer.Ordinal)
    {
        ["part_managed"] = ("part {0} of {1} of {2} is managed by {3}", "{2} 的第 {0} 部分（共 {1} 部分）由 {3} 管理"),
        ["part_semi"] = ("part {0} of {1} of {2} borders only {3} and the outer edge ({4} m)", "{2} 的第 {0} 部分（共 {1} 部分）只与 {3} 及外边缘（{4} 米）相接"),
        ["part_inside"] = ("part {0} of {1} of {2} lies inside {3} (order {4})", "{2} 的第 {0} 部分（共 {1} 部分）位于 {3} 境内（第 {4} 重）"),
        ["part_alone"] = ("part {0} of {1} of {2} borders no other division (outer edge {3} m)", "{2} 的第 {0} 部分（共 {1} 部分）不与其他区划相接（外边缘 {3} 米）"),
        ["part_borders"] = ("part {0} of {1} of {2} borders {3}", "{2} 的第 {0} 部分（共 {1} 部分）与 {3} 相接"),
        ["surrounded"] = ("{0} borders only {1} ({2} m)", "{0} 只与 {1} 相接（{2} 米）"),
        ["access"] = ("{0} m of road in {1} not joined to its own {2} m network; reached from {3}", "{1} 境内 {0} 米道路与其自身 {2} 米路网不相连，须经 {3} 进入"),
        ["access_outside"] = ("{0} m of road in {1} not joined to its own {2} m network; reached from outside", "{1} 境内 {0} 米道路与其自身 {2} 米路网不相连，须从区域外进入"),
        ["neck"] = ("a lobe of {0} joined to its main part only through a neck narrower than {1} m", "{0} 的一块仅通过宽度不足 {1} 米的狭颈与其主体相连"),
        ["managed_points"] = ("{0} address points of {1} are managed by {2}", "{1} 的 {0} 个地址点由 {2} 管理"),
        ["managed_zone"] = ("{0} m² of {1} are managed by {2}", "{1} 的 {0} 平方米由 {2} 管理"),
    };
}
