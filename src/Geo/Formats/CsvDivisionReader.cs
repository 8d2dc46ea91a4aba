using System.Collections.Immutable;
using System.Text;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Formats;

/// <summary>
/// Reads divisions from CSV with a header row and a <c>wkt</c> column (any case), record by record. Other columns
/// go through the field map; an empty cell is absent (<c>null</c>). The file states no coordinate system: the
/// result says so unless <see cref="DivisionReadOptions.Crs"/> gives one.
/// </summary>
internal static class CsvDivisionReader
{
    public const string WktField = "wkt";

    public static DivisionReadResult Read(string path, DivisionReadOptions options)
    {
        // invalid bytes decode to U+FFFD, which the record reader reports with its line (a throwing decoder would
        // fail a whole buffer ahead of the line being read)
        var encoding = options.Encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        using var stream = new ImportLimitStream(file, options.Limits, path, countLines: true);
        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true);
        var records = new CsvRecordReader(text, path, rejectUndecodable: options.Encoding is null);
        var header = new List<string>();
        if (!records.Read(header))
        {
            throw new BoundariesFormatException("the file is empty; a division CSV starts with a header row", path, 1);
        }
        var wkt = header.FindIndex(h => string.Equals(h.Trim(), WktField, StringComparison.OrdinalIgnoreCase));
        if (wkt < 0)
        {
            throw new BoundariesFormatException($"the header has no '{WktField}' column (columns: {string.Join(", ", header)})", path, 1, field: WktField);
        }

        var map = new DivisionFieldMap(options, path);
        var wktReader = new WKTReader();
        var divisions = ImmutableArray.CreateBuilder<Division>();
        var fields = new List<string>(header.Count);
        var properties = new List<KeyValuePair<string, object?>>(header.Count);
        long index = 0;
        while (records.Read(fields))
        {
            var line = records.RecordLine;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }
            if (fields.Count != header.Count)
            {
                throw new BoundariesFormatException($"{fields.Count} fields, but the header has {header.Count}", path, line, $"#{index}");
            }
            properties.Clear();
            for (var i = 0; i < header.Count; i++)
            {
                if (i != wkt)
                {
                    properties.Add(new(header[i].Trim(), fields[i].Length == 0 ? null : fields[i]));
                }
            }
            Geometry? geometry = null;
            if (fields[wkt].Trim().Length > 0)
            {
                try
                {
                    geometry = wktReader.Read(fields[wkt]);
                }
                catch (Exception e) when (e is ParseException or ArgumentException or FormatException)
                {
                    throw new BoundariesFormatException($"bad WKT: {e.Message}", path, line, $"#{index}", header[wkt], e);
                }
            }
            divisions.Add(map.Map(index, properties, geometry, line: line));
            index++;
        }
        return new DivisionReadResult(new DivisionSet(divisions.ToImmutable(), options.Crs ?? CrsCode.Cgcs2000), options.Crs is not null, "csv", []);
    }
}
