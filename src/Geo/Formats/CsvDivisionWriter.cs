using System.Globalization;
using System.Text;
using Boundaries.Geo.Model;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Formats;

/// <summary>
/// Writes divisions as CSV: header <c>code,name,level,parent,valid_from,valid_to,wkt</c> then the attribute names in
/// ordinal order; RFC 4180 quoting (a field with a comma, quote or line break is quoted, quotes doubled); CRLF line
/// ends; UTF-8, with a BOM only when asked. Coordinates are written with all their digits.
/// </summary>
internal static class CsvDivisionWriter
{
    public static void Write(DivisionSet set, string file, string pathForMessages, DivisionWriteOptions options)
    {
        var attributes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var d in set.Divisions)
        {
            WriteChecks.RequireDistinctAttributeNames(d, pathForMessages, CsvDivisionReader.WktField);
            attributes.UnionWith(d.Attributes.Keys);
        }
        var wktWriter = new WKTWriter();
        using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
        using (var text = new StreamWriter(stream, new UTF8Encoding(options.CsvUtf8Bom), 64 * 1024, leaveOpen: true))
        {
            text.NewLine = "\r\n";
            var row = new List<string?>(["code", "name", "level", "parent", "valid_from", "valid_to", CsvDivisionReader.WktField, .. attributes]);
            WriteRow(text, row);
            foreach (var d in set.Divisions)
            {
                WriteChecks.RequirePolygonal(d, pathForMessages);
                row.Clear();
                row.Add(d.Code);
                row.Add(d.Name);
                row.Add(d.Level.Name());
                row.Add(d.ParentCode);
                row.Add(d.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                row.Add(d.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                row.Add(wktWriter.Write(d.Geometry));
                foreach (var a in attributes)
                {
                    row.Add(d.Attributes.GetValueOrDefault(a) switch
                    {
                        bool b => b ? "true" : "false",
                        byte[] bytes => Convert.ToBase64String(bytes),
                        string s => s,
                        var v => DivisionFieldMap.AsText(v),
                    });
                }
                WriteRow(text, row);
            }
        }
        // the StreamWriter has flushed into the FileStream; make it durable before the caller renames
        stream.Flush(flushToDisk: true);
    }

    private static void WriteRow(StreamWriter text, List<string?> row)
    {
        for (var i = 0; i < row.Count; i++)
        {
            if (i > 0)
            {
                text.Write(',');
            }
            var value = row[i] ?? "";
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Write('"');
                text.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
                text.Write('"');
            }
            else
            {
                text.Write(value);
            }
        }
        text.WriteLine();
    }
}
