using Boundaries.Geo.Model;
using Microsoft.Data.Sqlite;

namespace Boundaries.Geo.Formats;

/// <summary>
/// Rewriting a GeoPackage's divisions without losing its point layers (markers, survey points, address points,
/// facilities): the divisions are written to a new file as <see cref="DivisionFiles.Write"/> does, every point layer of
/// the old file is copied into it (rows, contents entry, geometry column, its coordinate system), and the new file then
/// replaces the old one in one rename. Point layers are never read as divisions, so copying them cannot add divisions.
/// </summary>
public static class GeoPackagePointLayers
{
    /// <summary>Writes <paramref name="set"/> to the GeoPackage <paramref name="path"/>, keeping the point layers it had.</summary>
    /// <exception cref="BoundariesFormatException">The set cannot be written.</exception>
    public static void WriteDivisionsKeeping(DivisionSet set, string path)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, temp =>
        {
            GeoPackageDivisionWriter.Write(set, temp, path);
            if (File.Exists(path))
            {
                CopyPointLayers(path, temp);
            }
        });
    }

    private static void CopyPointLayers(string from, string to)
    {
        using var c = GeoPackageConnection.Open(to, readOnly: false);
        Run(c, "ATTACH DATABASE $f AS src", ("$f", from));
        var layers = new List<string>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = """
                SELECT g.table_name FROM src.gpkg_geometry_columns g
                WHERE upper(g.geometry_type_name) IN ('POINT', 'MULTIPOINT')
                  AND g.table_name NOT IN (SELECT table_name FROM main.gpkg_contents)
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                layers.Add(r.GetString(0));
            }
        }
        using var tx = c.BeginTransaction();
        foreach (var layer in layers)
        {
            string create;
            using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = "SELECT sql FROM src.sqlite_master WHERE type = 'table' AND name = $n";
                cmd.Parameters.AddWithValue("$n", layer);
                create = cmd.ExecuteScalar() as string ?? throw new BoundariesFormatException($"layer '{layer}' is listed but has no table", from);
            }
            var quoted = "\"" + layer.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            Run(c, create);
            Run(c, $"INSERT INTO main.{quoted} SELECT * FROM src.{quoted}");
            const string contents = "table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id";
            Run(c, $"INSERT INTO main.gpkg_contents ({contents}) SELECT {contents} FROM src.gpkg_contents WHERE table_name = $n", ("$n", layer));
            const string columns = "table_name, column_name, geometry_type_name, srs_id, z, m";
            Run(c, $"INSERT INTO main.gpkg_geometry_columns ({columns}) SELECT {columns} FROM src.gpkg_geometry_columns WHERE table_name = $n", ("$n", layer));
            const string srs = "srs_name, srs_id, organization, organization_coordsys_id, definition, description";
            Run(c, $"""
                INSERT OR IGNORE INTO main.gpkg_spatial_ref_sys ({srs}) SELECT {srs} FROM src.gpkg_spatial_ref_sys
                WHERE srs_id IN (SELECT srs_id FROM src.gpkg_geometry_columns WHERE table_name = $n)
                """, ("$n", layer));
        }
        tx.Commit();
        Run(c, "DETACH DATABASE src");
    }

    private static void Run(SqliteConnection c, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        cmd.ExecuteNonQuery();
    }
}
