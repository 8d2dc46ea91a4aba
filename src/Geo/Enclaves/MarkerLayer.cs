using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Boundaries.Geo.Formats;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Boundary markers (界桩) for scoring, CGCS2000 lon/lat, from the forms markers come in:
/// GeoJSON points (id from <c>number</c>, <c>id</c>, <c>name</c> or <c>code</c>, else the feature id);
/// CSV with a <c>lon</c>/<c>lat</c> header and a <c>number</c>, <c>id</c> or <c>name</c> column (survey marker files such
/// as <c>markers.csv</c> of <c>synth --survey</c>: several occupations of one marker are averaged);
/// GeoPackage: the store's <c>markers</c> layer (the positions in force), else the named points of a survey's
/// <c>survey_points</c> layer (averaged by name).
/// </summary>
public static class MarkerLayer
{
    private static readonly string[] IdFields = ["number", "id", "name", "code"];

    /// <summary>The markers of the file, by the extension (.geojson/.json, .csv, .gpkg).</summary>
    /// <exception cref="BoundariesFormatException">The file cannot be read as markers (the message names the file, line or feature, and field).</exception>
    public static ImmutableArray<BoundaryMarker> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new BoundariesFormatException("file not found", path);
        }
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".csv" => Csv(path),
            ".gpkg" => GeoPackage(path) ?? throw new BoundariesFormatException("no 'markers' or 'survey_points' layer", path),
            ".geojson" or ".json" => GeoJson(path),
            _ => throw new BoundariesFormatException("markers must be GeoJSON (.geojson/.json), CSV (.csv) or GeoPackage (.gpkg)", path),
        };
    }

    /// <summary>The markers of a GeoPackage that has a <c>markers</c> layer (a store, or a city file with markers), null when it has none.</summary>
    public static ImmutableArray<BoundaryMarker>? InGeoPackage(string path) =>
        path.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase) && File.Exists(path) && HasTable(path, "markers") ? GeoPackage(path) : null;

    private static bool HasTable(string path, string table)
    {
        using var c = GeoPackageConnection.Open(path, readOnly: true);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $t";
        cmd.Parameters.AddWithValue("$t", table);
        return (long)cmd.ExecuteScalar()! > 0;
    }

    private static ImmutableArray<BoundaryMarker>? GeoPackage(string path)
    {
        using var c = GeoPackageConnection.Open(path, readOnly: true);
        string? Sql(string table, string idColumn)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT name FROM pragma_table_info($t)";
            cmd.Parameters.AddWithValue("$t", table);
            var columns = new List<string>();
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    columns.Add(r.GetString(0));
                }
            }
            if (!columns.Contains(idColumn) || !columns.Contains("geom"))
            {
                return null;
            }
            var current = columns.Contains("closed_by") ? " WHERE closed_by IS NULL" : $" WHERE {idColumn} IS NOT NULL AND {idColumn} <> ''";
            return $"SELECT {idColumn}, geom FROM {table}{current}";
        }
        var sql = Sql("markers", "number") ?? Sql("survey_points", "name");
        if (sql is null)
        {
            return null;
        }
        var reader = new GeoPackageGeoReader { HandleSRID = true };
        var points = new List<(string, double, double, long)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            long row = 0;
            while (r.Read())
            {
                row++;
                if (r.IsDBNull(1) || reader.Read((byte[])r[1]) is not Point { IsEmpty: false } p)
                {
                    throw new BoundariesFormatException("a marker needs a point geometry", path, feature: r.GetValue(0).ToString(), field: "geom");
                }
                if (p.SRID is not (4490 or 4326 or 0) || Math.Abs(p.X) > 180 || Math.Abs(p.Y) > 90)
                {
                    throw new BoundariesFormatException($"markers must be lon/lat (EPSG:4490), not SRID {p.SRID}", path, feature: r.GetValue(0).ToString(), field: "geom");
                }
                points.Add((r.GetValue(0).ToString()!, p.X, p.Y, row));
            }
        }
        return Averaged(points);
    }

    private static ImmutableArray<BoundaryMarker> Csv(string path)
    {
        using var text = new StreamReader(path);
        var csv = new CsvRecordReader(text, path, rejectUndecodable: false);
        var fields = new List<string>();
        if (!csv.Read(fields))
        {
            throw new BoundariesFormatException("empty file", path);
        }
        var header = fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var id = IdFields.Select(f => header.IndexOf(f)).FirstOrDefault(i => i >= 0, -1);
        var lon = header.IndexOf("lon");
        var lat = header.IndexOf("lat");
        if (id < 0 || lon < 0 || lat < 0)
        {
            throw new BoundariesFormatException("the header needs a number (or id, name) column and lon, lat columns", path, line: 1);
        }
        var points = new List<(string, double, double, long)>();
        while (csv.Read(fields))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }
            double Number(int column, string name) =>
                column < fields.Count && double.TryParse(fields[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                    ? v : throw new BoundariesFormatException("not a number", path, line: csv.RecordLine, field: name);
            var x = Number(lon, "lon");
            var y = Number(lat, "lat");
            var name = id < fields.Count ? fields[id].Trim() : "";
            if (name.Length == 0)
            {
                throw new BoundariesFormatException("a marker needs a number", path, line: csv.RecordLine, field: header[id]);
            }
            CheckLonLat(x, y, path, csv.RecordLine, null);
            points.Add((name, x, y, csv.RecordLine));
        }
        return Averaged(points);
    }

    private static ImmutableArray<BoundaryMarker> GeoJson(string path)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new BoundariesFormatException(e.Message, path, line: e.LineNumber + 1, inner: e);
        }
        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new BoundariesFormatException("not a GeoJSON FeatureCollection (no 'features')", path);
            }
            var points = new List<(string, double, double, long)>();
            var index = 0;
            foreach (var f in features.EnumerateArray())
            {
                var feature = index.ToString(CultureInfo.InvariantCulture);
                index++;
                if (!f.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object
                    || !g.TryGetProperty("type", out var type) || type.GetString() != "Point")
                {
                    continue; // lines and polygons in a mixed layer file are not markers
                }
                string? name = null;
                if (f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
                {
                    name = IdFields.Select(k => p.TryGetProperty(k, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number ? v.ToString() : null)
                        .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
                }
                if (name is null && f.TryGetProperty("id", out var fid) && fid.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    name = fid.ToString();
                }
                if (name is null)
                {
                    throw new BoundariesFormatException("a marker needs a number (properties 'number', 'id', 'name' or 'code', or a feature id)", path, feature: feature, field: "number");
                }
                if (!g.TryGetProperty("coordinates", out var c) || c.ValueKind != JsonValueKind.Array || c.GetArrayLength() < 2
                    || c[0].ValueKind != JsonValueKind.Number || c[1].ValueKind != JsonValueKind.Number)
                {
                    throw new BoundariesFormatException("a point needs [lon, lat]", path, feature: feature, field: "coordinates");
                }
                CheckLonLat(c[0].GetDouble(), c[1].GetDouble(), path, null, feature);
                points.Add((name, c[0].GetDouble(), c[1].GetDouble(), index));
            }
            return Averaged(points);
        }
    }

    private static void CheckLonLat(double x, double y, string path, long? line, string? feature)
    {
        if (Math.Abs(x) > 180 || Math.Abs(y) > 90)
        {
            throw new BoundariesFormatException($"({x}, {y}) is not lon/lat: markers are read as CGCS2000 lon/lat", path, line: line, feature: feature, field: "lon");
        }
    }

    /// <summary>One marker per id: the mean of its occupations (a survey file lists each marker several times), in first-seen order.</summary>
    private static ImmutableArray<BoundaryMarker> Averaged(List<(string Id, double X, double Y, long Row)> points)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4490);
        return [.. points.GroupBy(p => p.Id, StringComparer.Ordinal)
            .Select(g => new BoundaryMarker(g.Key, factory.CreatePoint(new Coordinate(g.Average(p => p.X), g.Average(p => p.Y)))))];
    }
}
