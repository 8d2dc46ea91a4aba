using System.Buffers.Binary;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Topology;

/// <summary>
/// Writes a <see cref="BoundaryTopology"/> as a GeoPackage 1.3 file in CGCS2000 lon/lat (EPSG:4490) with two feature
/// tables: <c>lines</c> (fid, geom LINESTRING, level, left, right, length_m, start_node, end_node) and <c>nodes</c>
/// (fid, geom POINT, level, degree, divisions — comma-separated codes, tri_junction, touches_outside). The file is
/// written to a temporary name and moved into place.
/// </summary>
public static class TopologyGeoPackageWriter
{
    /// <summary>Writes <paramref name="topology"/> to <paramref name="path"/>, replacing it.</summary>
    public static void Write(BoundaryTopology topology, string path)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, temp => WriteTo(topology, temp));
    }

    private static void WriteTo(BoundaryTopology topology, string file)
    {
        const int srs = 4490;
        using var connection = GeoPackageConnection.Open(file, readOnly: false);
        Execute(connection, "PRAGMA application_id=1196444487; PRAGMA user_version=10300;");
        using var transaction = connection.BeginTransaction();
        Metadata(connection, srs);
        var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
        Execute(connection, """
            CREATE TABLE lines (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom LINESTRING, level TEXT NOT NULL,
              "left" TEXT, "right" TEXT, length_m DOUBLE NOT NULL, start_node INTEGER NOT NULL, end_node INTEGER NOT NULL);
            CREATE TABLE nodes (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POINT, level TEXT NOT NULL,
              degree INTEGER NOT NULL, divisions TEXT NOT NULL, tri_junction BOOLEAN NOT NULL, touches_outside BOOLEAN NOT NULL);
            """);
        foreach (var line in topology.Lines)
        {
            Insert(connection, "INSERT INTO lines VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                line.Id, Blob(writer, line.Geometry, srs), line.Level.Name(), line.Left, line.Right, line.LengthMeters, line.StartNode, line.EndNode);
        }
        foreach (var node in topology.Nodes)
        {
            Insert(connection, "INSERT INTO nodes VALUES ($1, $2, $3, $4, $5, $6, $7)",
                node.Id, Blob(writer, node.Geometry, srs), node.Level.Name(), node.Degree, string.Join(",", node.Divisions),
                node.IsTriJunction ? 1 : 0, node.TouchesOutside ? 1 : 0);
        }
        Register(connection, "lines", "LINESTRING", topology.Lines.Select(l => l.Geometry), srs);
        Register(connection, "nodes", "POINT", topology.Nodes.Select(n => n.Geometry), srs);
        transaction.Commit();
    }

    private static void Metadata(SqliteConnection connection, int srs)
    {
        Execute(connection, """
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
            """);
        var (name, wkt) = GeoPackageSrs.Definition(CrsCode.Cgcs2000);
        Insert(connection, "INSERT INTO gpkg_spatial_ref_sys VALUES ($1, $2, 'EPSG', $2, $3, NULL)", name, srs, wkt);
    }

    private static void Register(SqliteConnection connection, string table, string type, IEnumerable<Geometry> geometries, int srs)
    {
        var extent = new Envelope();
        foreach (var g in geometries)
        {
            extent.ExpandToInclude(g.EnvelopeInternal);
        }
        object Bound(double v) => extent.IsNull ? DBNull.Value : v;
        Insert(connection, "INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) VALUES ($1, 'features', $1, $2, $3, $4, $5, $6)",
            table, Bound(extent.MinX), Bound(extent.MinY), Bound(extent.MaxX), Bound(extent.MaxY), srs);
        Insert(connection, "INSERT INTO gpkg_geometry_columns VALUES ($1, 'geom', $2, $3, 0, 0)", table, type, srs);
    }

    private static byte[] Blob(GeoPackageGeoWriter writer, Geometry geometry, int srs)
    {
        // The srs_id is patched into the header instead of set on the geometry, which belongs to the caller.
        var blob = writer.Write(geometry);
        if ((blob[3] & 1) != 0)
        {
            BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4, 4), srs);
        }
        else
        {
            BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4, 4), srs);
        }
        return blob;
    }

    private static void Insert(SqliteConnection connection, string sql, params object?[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", values[i] ?? DBNull.Value);
        }
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
