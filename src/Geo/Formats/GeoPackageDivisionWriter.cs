using System.Buffers.Binary;
using System.Globalization;
using Boundaries.Geo.Model;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using static Boundaries.Geo.Formats.GeoPackageConnection;

namespace Boundaries.Geo.Formats;

/// <summary>
/// Writes a <see cref="DivisionSet"/> as a GeoPackage 1.3 file: one feature table per level present, named by the
/// level, with columns fid, geom, code, name, level, parent, valid_from, valid_to and one column per attribute, an
/// R-tree spatial index per table, and the required metadata tables. All rows go in one transaction through
/// prepared commands.
/// </summary>
internal static partial class GeoPackageDivisionWriter
{
    public static void Write(DivisionSet set, string file, string pathForMessages)
    {
        foreach (var d in set.Divisions)
        {
            WriteChecks.RequirePolygonal(d, pathForMessages);
            WriteChecks.RequireDistinctAttributeNames(d, pathForMessages, "fid", "geom");
        }
        var (srsName, wkt) = GeoPackageSrs.Definition(set.Crs);
        using var connection = Open(file, readOnly: false);
        Execute(connection, "PRAGMA application_id=1196444487; PRAGMA user_version=10300; PRAGMA journal_mode=MEMORY;");
        using var transaction = connection.BeginTransaction();
        CreateMetadataTables(connection, set.Crs.Epsg, srsName, wkt);
        foreach (var level in DivisionLevels.All)
        {
            var divisions = set.OfLevel(level).ToList();
            if (divisions.Count > 0)
            {
                WriteLayer(connection, level.Name(), divisions, set.Crs.Epsg);
            }
        }
        transaction.Commit();
    }

    private static void WriteLayer(SqliteConnection connection, string table, List<Division> divisions, int srsId)
    {
        var attributes = AttributeColumns(divisions);
        var geometryType = divisions.All(d => d.Geometry is Polygon) ? "POLYGON"
            : divisions.All(d => d.Geometry is MultiPolygon) ? "MULTIPOLYGON" : "GEOMETRY";
        var extent = new Envelope();
        foreach (var d in divisions)
        {
            extent.ExpandToInclude(d.Geometry.EnvelopeInternal);
        }

        var columns = string.Concat(attributes.Select(a => $", {Quote(a.Name)} {a.SqlType}"));
        Execute(connection, $"""
            CREATE TABLE {Quote(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom {geometryType},
              code TEXT NOT NULL, name TEXT, level TEXT, parent TEXT, valid_from DATE, valid_to DATE{columns});
            CREATE VIRTUAL TABLE {Quote($"rtree_{table}_geom")} USING rtree(id, minx, maxx, miny, maxy);
            """);
        using (var insert = connection.CreateCommand())
        using (var index = connection.CreateCommand())
        {
            var names = string.Concat(attributes.Select(a => ", " + Quote(a.Name)));
            var values = string.Concat(attributes.Select((_, i) => $", $a{i}"));
            insert.CommandText = $"INSERT INTO {Quote(table)} (fid, geom, code, name, level, parent, valid_from, valid_to{names}) VALUES ($fid, $geom, $code, $name, $level, $parent, $from, $to{values})";
            var p = new[] { "$fid", "$geom", "$code", "$name", "$level", "$parent", "$from", "$to" }
                .Concat(attributes.Select((_, i) => $"$a{i}"))
                .Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n }))
                .ToArray();
            index.CommandText = $"INSERT INTO {Quote($"rtree_{table}_geom")} VALUES ($id, $minx, $maxx, $miny, $maxy)";
            var q = new[] { "$id", "$minx", "$maxx", "$miny", "$maxy" }
                .Select(n => index.Parameters.Add(new SqliteParameter { ParameterName = n }))
                .ToArray();
            insert.Prepare();
            index.Prepare();

            var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
            long fid = 0;
            foreach (var d in divisions)
            {
                fid++;
                p[0].Value = fid;
                p[1].Value = Blob(writer, d.Geometry, srsId);
                p[2].Value = d.Code;
                p[3].Value = d.Name;
                p[4].Value = d.Level.Name();
                p[5].Value = (object?)d.ParentCode ?? DBNull.Value;
                p[6].Value = (object?)d.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value;
                p[7].Value = (object?)d.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value;
                for (var i = 0; i < attributes.Count; i++)
                {
                    p[8 + i].Value = attributes[i].ToSql(d.Attributes.GetValueOrDefault(attributes[i].Name));
                }
                insert.ExecuteNonQuery();
                if (!d.Geometry.IsEmpty)
                {
                    var e = d.Geometry.EnvelopeInternal;
                    q[0].Value = fid;
                    q[1].Value = e.MinX;
                    q[2].Value = e.MaxX;
                    q[3].Value = e.MinY;
                    q[4].Value = e.MaxY;
                    index.ExecuteNonQuery();
                }
            }
        }

        using var meta = connection.CreateCommand();
        meta.CommandText = """
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id)
              VALUES ($t, 'features', $t, '', strftime('%Y-%m-%dT%H:%M:%fZ','now'), $minx, $miny, $maxx, $maxy, $srs);
            INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES ($t, 'geom', $type, $srs, 0, 0);
            INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope)
              VALUES ($t, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');
            """;
        meta.Parameters.AddWithValue("$t", table);
        meta.Parameters.AddWithValue("$minx", extent.IsNull ? DBNull.Value : extent.MinX);
        meta.Parameters.AddWithValue("$miny", extent.IsNull ? DBNull.Value : extent.MinY);
        meta.Parameters.AddWithValue("$maxx", extent.IsNull ? DBNull.Value : extent.MaxX);
        meta.Parameters.AddWithValue("$maxy", extent.IsNull ? DBNull.Value : extent.MaxY);
        meta.Parameters.AddWithValue("$srs", srsId);
        meta.Parameters.AddWithValue("$type", geometryType);
        meta.ExecuteNonQuery();
        Execute(connection, RtreeTriggers(table));
    }

    /// <summary>
    /// The GeoPackage blob of a geometry with <paramref name="srsId"/> in its header. The srs_id bytes are patched
    /// in the blob rather than set on the geometry, which belongs to the caller and must not change.
    /// </summary>
    private static byte[] Blob(GeoPackageGeoWriter writer, Geometry geometry, int srsId)
    {
        var blob = writer.Write(geometry);
        var span = blob.AsSpan(4, 4);
        if ((blob[3] & 1) != 0)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span, srsId);
        }
        else
        {
            BinaryPrimitives.WriteInt32BigEndian(span, srsId);
        }
        return blob;
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
