using System.Collections.Immutable;
using System.Net;
using System.Text;
using Boundaries.Geo.Formats;

namespace Boundaries.Survey.Registers;

/// <summary>
/// Writes registers into a folder: one CSV per register (UTF-8 with a byte-order mark, so Excel reads the Chinese,
/// CRLF line ends, RFC 4180 quoting) and one readable HTML page, <c>registers.html</c>, with every table.
/// </summary>
public static class RegisterWriter
{
    /// <summary>The HTML page's file name.</summary>
    public const string HtmlFileName = "registers.html";

    /// <summary>Writes the files; returns their paths (CSV files in table order, then the page).</summary>
    public static ImmutableArray<string> Write(IReadOnlyList<RegisterTable> tables, string directory, string title)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var written = ImmutableArray.CreateBuilder<string>();
        foreach (var table in tables)
        {
            var csv = new StringBuilder("\uFEFF");
            csv.Append(string.Join(',', table.Headers.Select(Quote))).Append("\r\n");
            foreach (var row in table.Rows)
            {
                csv.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
            }
            var path = Path.Combine(directory, table.FileName + ".csv");
            AtomicFile.WriteText(path, csv.ToString());
            written.Add(path);
        }
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>")
            .Append("body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin-bottom:2em;font-size:13px}")
            .Append("th,td{border:1px solid #999;padding:2px 6px}th{background:#eee}td{text-align:right}td:nth-child(2),td:last-child{text-align:left}")
            .Append("</style></head><body>\n<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>\n");
        foreach (var table in tables)
        {
            html.Append("<h2>").Append(WebUtility.HtmlEncode(table.Title)).Append("</h2>\n<table><thead><tr>");
            foreach (var h in table.Headers)
            {
                html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
            }
            html.Append("</tr></thead><tbody>\n");
            foreach (var row in table.Rows)
            {
                html.Append("<tr>");
                foreach (var cell in row)
                {
                    html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
                }
                html.Append("</tr>\n");
            }
            html.Append("</tbody></table>\n");
        }
        html.Append("</body></html>\n");
        var page = Path.Combine(directory, HtmlFileName);
        AtomicFile.WriteText(page, html.ToString());
        written.Add(page);
        return written.ToImmutable();
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
