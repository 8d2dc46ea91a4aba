using System.Collections.Immutable;
using System.Globalization;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;

namespace Boundaries.Geo.Vectorize;

/// <summary>
/// The divisions a label map's pixel values stand for. Read from CSV with a header naming the columns <c>value</c>,
/// <c>code</c> and optionally <c>name</c>, <c>parent</c> and <c>level</c>; a value is an integer or an RGB colour
/// <c>#rrggbb</c>.
/// </summary>
/// <param name="Entries">The divisions by pixel value.</param>
public sealed record RasterCodeTable(ImmutableDictionary<long, RasterCodeEntry> Entries)
{
    /// <summary>Reads a table from a CSV file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="BoundariesFormatException">No <c>value</c> or <c>code</c> column, a bad value, an empty code, a value listed twice.</exception>
    public static RasterCodeTable Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }
        using var text = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecordReader(text, path, rejectUndecodable: true);
        var fields = new List<string>();
        if (!csv.Read(fields))
        {
            throw new BoundariesFormatException("empty code table; the first line names the columns value,code[,name,parent,level]", path, 1);
        }
        var header = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        int Column(string name, bool required)
        {
            var i = header.IndexOf(name);
            return i < 0 && required ? throw new BoundariesFormatException($"no '{name}' column; the first line names the columns value,code[,name,parent,level]", path, 1, field: name) : i;
        }
        var (valueAt, codeAt, nameAt, parentAt, levelAt) = (Column("value", true), Column("code", true), Column("name", false), Column("parent", false), Column("level", false));
        var entries = ImmutableDictionary.CreateBuilder<long, RasterCodeEntry>();
        while (csv.Read(fields))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            string Field(int i) => i >= 0 && i < fields.Count ? fields[i].Trim() : "";
            var value = ParseValue(Field(valueAt)) ?? throw new BoundariesFormatException($"'{Field(valueAt)}' is not a pixel value (an integer or #rrggbb)", path, csv.RecordLine, field: "value");
            var code = Field(codeAt);
            if (code.Length == 0)
            {
                throw new BoundariesFormatException("empty code", path, csv.RecordLine, field: "code");
            }
            DivisionLevel? level = null;
            if (Field(levelAt) is { Length: > 0 } levelText)
            {
                level = DivisionLevels.TryParse(levelText, out var l) ? l : throw new BoundariesFormatException($"'{levelText}' is not a division level", path, csv.RecordLine, field: "level");
            }
            if (entries.ContainsKey(value))
            {
                throw new BoundariesFormatException($"value {value} is listed twice", path, csv.RecordLine, field: "value");
            }
            entries[value] = new RasterCodeEntry(code, Field(nameAt), Field(parentAt) is { Length: > 0 } p ? p : null, level);
        }
        return new RasterCodeTable(entries.ToImmutable());
    }

    private static long? ParseValue(string text)
    {
        if (text.StartsWith('#') && text.Length == 7 && long.TryParse(text.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            return rgb;
        }
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
