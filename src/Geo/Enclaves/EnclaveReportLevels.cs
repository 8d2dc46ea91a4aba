using System.Globalization;
using System.Text;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// The rows a change carries to lower levels in the change list (行政区域界线变更一览表): numbered 1.1, 1.2 … under
/// their change; "from" is the child before (its old code), "to" says where it went — moved whole with its new code,
/// or the cut part merged into the receiver's child.
/// </summary>
internal static class EnclaveReportLevels
{
    public static string Rows(int no, EnclaveResolution change, Func<string?, string> label, string date, Func<string, string> text, bool markers = false)
    {
        var html = new StringBuilder();
        for (var k = 0; k < change.Score.Carried.Length; k++)
        {
            var c = change.Score.Carried[k];
            var what = c.Kind == ChildChangeKind.Moved
                ? string.Format(CultureInfo.InvariantCulture, text("carried.moved"), label(c.NewParent), c.NewCode)
                : string.Format(CultureInfo.InvariantCulture, text("carried.merged"), label(c.NewParent), c.AreaShare.ToString("P0", CultureInfo.InvariantCulture), label(c.NewCode));
            html.Append(CultureInfo.InvariantCulture,
                $"<tr class=\"carried\" data-old=\"{EnclaveReport.E(c.OldCode)}\" data-new=\"{EnclaveReport.E(c.NewCode)}\"><td class=\"n\">{no}.{k + 1}</td><td>{EnclaveReport.E(label(c.OldCode))}</td><td>{EnclaveReport.E(what)}</td><td class=\"n\">—</td><td class=\"n\">—</td><td class=\"n\">—</td>{(markers ? "<td>—</td>" : "")}<td>{date}</td></tr>\n");
        }
        return html.ToString();
    }
}
