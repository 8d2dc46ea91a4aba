using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using static Boundaries.Geo.Formats.GeoPackageConnection;

namespace Boundaries.Geo.Formats;

/// <summary>
/// Reads every feature table listed in gpkg_contents of a GeoPackage. A table named by a level (<c>township</c> …)
/// gives its features that level unless a level column or the field map says otherwise; any other table needs a
/// level column or the field map's fixed level. The srs_id of the layers gives the coordinate system; all layers
/// must share it.
/// </summary>
internal static class GeoPackageDivisionReader
{
    private sealed record Layer(string Table, string GeometryColumn, int SrsId);

    public static DivisionReadResult Read(string path, DivisionReadOptions options)
    {
        try
        {
            using var connection = Open(path, readOnly: true);
            var layers = Layers(connection, path);
            var map = new DivisionFieldMap(options, path);
            var divisions = ImmutableArray.CreateBuilder<Division>();
            CrsCode? crs = null;
            string? crsLayer = null;
            foreach (var layer in layers)
            {
                var layerCrs = CrsOf(connection, path, layer);
                if (layerCrs is { } c)
                {
                    if (crs is { } previous && previous != c)
                    {
                        throw new BoundariesFormatException($"layer '{layer.Table}' is in {c} but layer '{crsLayer}' is in {previous}; a division file has one coordinate system", path, field: "srs_id");
                    }
                    crs = c;
                    crsLayer = layer.Table;
                }
                ReadLayer(connection, path, layer, map, divisions);
            }
            var stated = options.Crs is not null || crs is not null;
            return new DivisionReadResult(new DivisionSet(divisions.ToImmutable(), options.Crs ?? crs ?? CrsCode.Cgcs2000), stated, "gpkg", []);
        }
        catch (SqliteException e)
        {
            throw new BoundariesFormatException($"not a readable GeoPackage: {e.Message}", path, inner: e);
        }
    }

    private static List<Layer> Layers(SqliteConnection connection, string path)
    {
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT count(*) FROM sqlite_master WHERE name IN ('gpkg_contents', 'gpkg_geometry_columns')";
        if ((long)check.ExecuteScalar()! != 2)
        {
            throw new BoundariesFormatException("not a GeoPackage: no gpkg_contents or gpkg_geometry_columns table", path);
        }
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c
            JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
            WHERE c.data_type = 'features' AND upper(g.geometry_type_name) NOT IN ('POINT', 'MULTIPOINT')
            ORDER BY c.table_name
            """;
        var layers = new List<Layer>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                layers.Add(new Layer(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? 0 : reader.GetInt32(2)));
            }
        }
        // point layers (boundary markers kept beside the divisions) are not divisions; level layers top down, then the others by name
        return [.. layers.OrderBy(l => LevelOfTable(l.Table) is { } level ? (int)level : 100).ThenBy(l => l.Table, StringComparer.Ordinal)];
    }

    private static DivisionLevel? LevelOfTable(string table) =>
        DivisionLevels.All.Cast<DivisionLevel?>().FirstOrDefault(l => string.Equals(l!.Value.Name(), table, StringComparison.OrdinalIgnoreCase));

    /// <summary>The system of a layer's srs_id; <c>null</c> for the undefined systems (-1, 0).</summary>
    private static CrsCode? CrsOf(SqliteConnection connection, string path, Layer layer)
    {
        if (layer.SrsId is -1 or 0)
        {
            return null;
        }
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT organization, organization_coordsys_id, srs_name FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
        command.Parameters.AddWithValue("$id", layer.SrsId);
        using var reader = command.ExecuteReader();
        var epsg = layer.SrsId;
        var name = "";
        if (reader.Read())
        {
            name = reader.IsDBNull(2) ? "" : reader.GetString(2);
            if (string.Equals(reader.GetString(0), "EPSG", StringComparison.OrdinalIgnoreCase))
            {
                epsg = reader.GetInt32(1);
            }
        }
        return CrsCode.TryFromEpsg(epsg, out var code)
            ? code
            : throw new BoundariesFormatException($"layer '{layer.Table}': unsupported coordinate system srs_id {layer.SrsId} ({name}); give the coordinate system with --from", path, field: "srs_id");
    }

    private static void ReadLayer(SqliteConnection connection, string path, Layer layer, DivisionFieldMap map, ImmutableArray<Division>.Builder output)
    {
        var columns = new List<(string Name, string Type, bool Key)>();
        using (var info = connection.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info({Quote(layer.Table)})";
            using var reader = info.ExecuteReader();
            while (reader.Read())
            {
                columns.Add((reader.GetString(1), reader.GetString(2).ToUpperInvariant(), reader.GetInt32(5) > 0));
            }
        }
        var geometryIndex = columns.FindIndex(c => string.Equals(c.Name, layer.GeometryColumn, StringComparison.OrdinalIgnoreCase));
        if (geometryIndex < 0)
        {
            throw new BoundariesFormatException($"layer '{layer.Table}' has no column '{layer.GeometryColumn}' named in gpkg_geometry_columns", path, field: layer.GeometryColumn);
        }
        var layerLevel = LevelOfTable(layer.Table);
        var geoReader = new GeoPackageGeoReader { HandleSRID = true };
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM {Quote(layer.Table)} ORDER BY rowid";
        using var rows = command.ExecuteReader();
        long index = 0;
        var properties = new List<KeyValuePair<string, object?>>(columns.Count);
        while (rows.Read())
        {
            properties.Clear();
            Geometry? geometry = null;
            for (var i = 0; i < columns.Count; i++)
            {
                if (i == geometryIndex)
                {
                    if (!rows.IsDBNull(i))
                    {
                        try
                        {
                            geometry = geoReader.Read((byte[])rows.GetValue(i));
                        }
                        catch (Exception e) when (e is ParseException or ArgumentException or IOException or InvalidCastException or IndexOutOfRangeException)
                        {
                            throw new BoundariesFormatException($"unreadable geometry blob: {e.Message}", path, feature: $"{layer.Table}#{index}", field: layer.GeometryColumn, inner: e);
                        }
                    }
                }
                else if (!columns[i].Key)
                {
                    properties.Add(new(columns[i].Name, Value(rows, i, columns[i].Type)));
                }
            }
            output.Add(map.Map(index, properties, geometry, layerLevel: layerLevel, layer: layer.Table));
            index++;
        }
    }

    private static object? Value(SqliteDataReader rows, int i, string declaredType)
    {
        if (rows.IsDBNull(i))
        {
            return null;
        }
        var value = rows.GetValue(i);
        return declaredType == "BOOLEAN" && value is long l ? l != 0 : value;
    }
}
