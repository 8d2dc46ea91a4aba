using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.IO.Esri;

namespace Boundaries.Geo.Vectorize;

/// <summary>
/// Reads features of any geometry type (the division readers in Formats take polygons only) from .geojson/.json,
/// .gpkg (every feature layer), .shp (with .prj) and .csv (a <c>wkt</c> column). GeoJSON and CSV are CGCS2000 lon/lat
/// unless the caller says otherwise.
/// </summary>
internal static class VectorFeatureReader
{
    public static (List<VectorFeature> Features, CrsCode Crs) Read(string path, CrsCode? crs)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var format = DivisionFiles.FormatOf(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }
        return format switch
        {
            "geojson" => (GeoJson(path), crs ?? CrsCode.Cgcs2000),
            "gpkg" => GeoPackage(path, crs),
            "shp" => Shapefile(path, crs),
            _ => (Csv(path), crs ?? CrsCode.Cgcs2000),
        };
    }

    private static List<VectorFeature> GeoJson(string path)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        FeatureCollection? collection;
        try
        {
            using var stream = File.OpenRead(path);
            collection = JsonSerializer.Deserialize<FeatureCollection>(stream, options);
        }
        catch (JsonException e)
        {
            throw new BoundariesFormatException($"not a GeoJSON FeatureCollection: {e.Message}", path, e.LineNumber + 1, inner: e);
        }
        var features = new List<VectorFeature>();
        long index = 0;
        foreach (var f in collection ?? [])
        {
            if (f.Geometry is { IsEmpty: false } g)
            {
                var attributes = f.Attributes?.GetNames().ToDictionary(n => n, n => (object?)f.Attributes[n], StringComparer.OrdinalIgnoreCase) ?? [];
                features.Add(new VectorFeature(index, g, attributes));
            }
            index++;
        }
        return features;
    }

    private static (List<VectorFeature>, CrsCode) GeoPackage(string path, CrsCode? crs)
    {
        var features = new List<VectorFeature>();
        CrsCode? stated = null;
        try
        {
            using var connection = GeoPackageConnection.Open(path, readOnly: true);
            var layers = new List<(string Table, string Column, int Srs)>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features' ORDER BY c.table_name";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    layers.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
                }
            }
            var geoReader = new GeoPackageGeoReader { HandleSRID = true };
            long index = 0;
            foreach (var (table, column, srs) in layers)
            {
                if (srs > 0 && CrsCode.TryFromEpsg(srs, out var code))
                {
                    stated ??= code;
                }
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {GeoPackageConnection.Quote(table)}";
                using var rows = command.ExecuteReader();
                while (rows.Read())
                {
                    var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    Geometry? geometry = null;
                    for (var i = 0; i < rows.FieldCount; i++)
                    {
                        if (string.Equals(rows.GetName(i), column, StringComparison.OrdinalIgnoreCase))
                        {
                            geometry = rows.IsDBNull(i) ? null : geoReader.Read((byte[])rows.GetValue(i));
                        }
                        else
                        {
                            attributes[rows.GetName(i)] = rows.IsDBNull(i) ? null : rows.GetValue(i);
                        }
                    }
                    if (geometry is { IsEmpty: false })
                    {
                        features.Add(new VectorFeature(index, geometry, attributes));
                    }
                    index++;
                }
            }
        }
        catch (SqliteException e)
        {
            throw new BoundariesFormatException($"not a readable GeoPackage: {e.Message}", path, inner: e);
        }
        return (features, crs ?? stated ?? CrsCode.Cgcs2000);
    }

    private static (List<VectorFeature>, CrsCode) Shapefile(string path, CrsCode? crs)
    {
        var prj = Path.ChangeExtension(path, ".prj");
        if (crs is null && File.Exists(prj))
        {
            crs = PrjCrsMatcher.Match(File.ReadAllText(prj))
                ?? throw new BoundariesFormatException("unknown coordinate system; give it with --from", prj);
        }
        var dbf = Path.ChangeExtension(path, ".dbf");
        var cpg = Path.ChangeExtension(path, ".cpg");
        if (!File.Exists(dbf))
        {
            throw new BoundariesFormatException($"the attribute file {Path.GetFileName(dbf)} is missing; a shapefile needs its .shp, .shx and .dbf", path);
        }
        var (encoding, _) = ShapefileEncoding.Choose(dbf, File.Exists(cpg) ? cpg : null, null);
        var features = new List<VectorFeature>();
        long index = 0;
        foreach (var f in NetTopologySuite.IO.Esri.Shapefile.ReadAllFeatures(path, new NetTopologySuite.IO.Esri.Shapefiles.Readers.ShapefileReaderOptions { Encoding = encoding }))
        {
            if (f.Geometry is { IsEmpty: false } g)
            {
                features.Add(new VectorFeature(index, g, f.Attributes.GetNames().ToDictionary(n => n, n => (object?)f.Attributes[n], StringComparer.OrdinalIgnoreCase)));
            }
            index++;
        }
        return (features, crs ?? CrsCode.Cgcs2000);
    }

    private static List<VectorFeature> Csv(string path)
    {
        using var text = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecordReader(text, path, rejectUndecodable: true);
        var header = new List<string>();
        if (!csv.Read(header))
        {
            return [];
        }
        var wktAt = header.FindIndex(h => string.Equals(h.Trim(), "wkt", StringComparison.OrdinalIgnoreCase));
        if (wktAt < 0)
        {
            throw new BoundariesFormatException("no 'wkt' column", path, 1, field: "wkt");
        }
        var wkt = new WKTReader();
        var features = new List<VectorFeature>();
        var fields = new List<string>();
        long index = 0;
        while (csv.Read(fields))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            Geometry geometry;
            try
            {
                geometry = wkt.Read(wktAt < fields.Count ? fields[wktAt] : "");
            }
            catch (ParseException e)
            {
                throw new BoundariesFormatException($"bad WKT: {e.Message}", path, csv.RecordLine, field: "wkt", inner: e);
            }
            var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count && i < fields.Count; i++)
            {
                if (i != wktAt)
                {
                    attributes[header[i].Trim()] = fields[i];
                }
            }
            features.Add(new VectorFeature(index++, geometry, attributes));
        }
        return features;
    }
}
