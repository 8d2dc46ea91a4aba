using System.Buffers.Binary;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using static Boundaries.Geo.Formats.GeoPackageConnection;

namespace Boundaries.Store.GeoPackage;

/// <summary>
/// The layout of a GeoPackage store: the GeoPackage 1.3 metadata tables; one feature table per level (named by the
/// level, EPSG:4490, with an R-tree index and its maintenance triggers) holding every version of every division;
/// the attribute tables <c>change_sets</c>, <c>audit</c> and <c>store_meta</c>; and a view <c>division_versions</c>
/// over all levels.
/// </summary>
internal static partial class GeoPackageStoreSchema
{
    public const int SchemaVersion = 2;
    public const int Srid = 4490;

    public static void Create(SqliteConnection c)
    {
        Execute(c, "PRAGMA application_id=1196444487; PRAGMA user_version=10300;");
        Boundaries.Geo.Formats.GeoPackageSchema.CreateCoreTables(c);
        foreach (var crs in new[] { CrsCode.Wgs84, CrsCode.Cgcs2000 })
        {
            var (name, wkt) = GeoPackageSrs.Definition(crs);
            using var srs = c.CreateCommand();
            srs.CommandText = "INSERT INTO gpkg_spatial_ref_sys VALUES ($name, $id, 'EPSG', $id, $wkt, NULL)";
            srs.Parameters.AddWithValue("$name", name);
            srs.Parameters.AddWithValue("$id", crs.Epsg);
            srs.Parameters.AddWithValue("$wkt", wkt);
            srs.ExecuteNonQuery();
        }
        foreach (var level in DivisionLevels.All)
        {
            CreateLevelTable(c, level.Name());
        }
        Execute(c, """
            CREATE TABLE change_sets (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('import', 'change')),
              author TEXT NOT NULL, reason TEXT NOT NULL, effective_date DATE, recorded_at DATETIME NOT NULL);
            CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, change_set_id INTEGER NOT NULL REFERENCES change_sets (id),
              code TEXT NOT NULL, action TEXT NOT NULL CHECK (action IN ('create', 'replace', 'retire')), before_version INTEGER, after_version INTEGER);
            CREATE INDEX audit_code ON audit (code);
            CREATE TABLE store_meta (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, key TEXT NOT NULL UNIQUE, value TEXT NOT NULL);
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES
              ('change_sets', 'attributes', 'change_sets', 'change sets: author, reason, effective date'),
              ('audit', 'attributes', 'audit', 'audit log: each division changed, with the versions before and after'),
              ('store_meta', 'attributes', 'store_meta', 'boundaries store schema version and counters');
            """);
        Execute(c, "INSERT INTO store_meta (key, value) VALUES ('schema_version', '1'), ('next_version_id', '1');");
        Upgrade(c);
        Execute(c, "CREATE VIEW division_versions AS " + string.Join(" UNION ALL ",
            DivisionLevels.All.Select(l => $"SELECT fid, '{l.Name()}' AS tbl, geom, code, name, level, parent, valid_from, valid_to, version_id, created_by, closed_by, attributes FROM {Quote(l.Name())}")));
    }

    private static void CreateLevelTable(SqliteConnection c, string table)
    {
        var t = Quote(table);
        Execute(c, $"""
            CREATE TABLE {t} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom GEOMETRY, code TEXT NOT NULL CHECK (code <> ''),
              name TEXT, level TEXT, parent TEXT, valid_from DATE, valid_to DATE, version_id INTEGER NOT NULL UNIQUE,
              created_by INTEGER NOT NULL, closed_by INTEGER, attributes TEXT);
            CREATE INDEX {Quote($"{table}_code")} ON {t} (code, valid_to);
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
              VALUES ('{table}', 'features', '{table}', 'every version of the {table} divisions; valid_from inclusive, valid_to exclusive', {Srid});
            INSERT INTO gpkg_geometry_columns VALUES ('{table}', 'geom', 'GEOMETRY', {Srid}, 0, 0);
            INSERT INTO gpkg_extensions VALUES ('{table}', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');
            """);
        CreateRtree(c, table);
    }

    /// <summary>The R-tree of a feature table's <c>geom</c> column and the GeoPackage 1.3 annex F.3 triggers that maintain it.</summary>
    public static void CreateRtree(SqliteConnection c, string table)
    {
        var t = Quote(table);
        var r = Quote($"rtree_{table}_geom");
        Execute(c, $"CREATE VIRTUAL TABLE {r} USING rtree(id, minx, maxx, miny, maxy);");
        // GeoPackage 1.3 annex F.3 triggers, as GDAL writes them; GeoPackageConnection registers the ST_ functions they call
        const string Box = "NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)";
        string Name(string suffix) => Quote($"rtree_{table}_geom_{suffix}");
        Execute(c, $"""
            CREATE TRIGGER {Name("insert")} AFTER INSERT ON {t} WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
            BEGIN INSERT OR REPLACE INTO {r} VALUES ({Box}); END;
            CREATE TRIGGER {Name("update1")} AFTER UPDATE OF geom ON {t} WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
            BEGIN INSERT OR REPLACE INTO {r} VALUES ({Box}); END;
            CREATE TRIGGER {Name("update2")} AFTER UPDATE OF geom ON {t} WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
            BEGIN DELETE FROM {r} WHERE id = OLD.fid; END;
            CREATE TRIGGER {Name("update3")} AFTER UPDATE ON {t} WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
            BEGIN DELETE FROM {r} WHERE id = OLD.fid; INSERT OR REPLACE INTO {r} VALUES ({Box}); END;
            CREATE TRIGGER {Name("update4")} AFTER UPDATE ON {t} WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
            BEGIN DELETE FROM {r} WHERE id IN (OLD.fid, NEW.fid); END;
            CREATE TRIGGER {Name("delete")} AFTER DELETE ON {t} WHEN old.geom NOT NULL
            BEGIN DELETE FROM {r} WHERE id = OLD.fid; END;
            """);
    }

    /// <summary>Refreshes the extent and last_change of every level layer from its R-tree.</summary>
    public static void UpdateContents(SqliteConnection c)
    {
        foreach (var table in DivisionLevels.All.Select(l => l.Name()).Concat(FeatureTablesV2))
        {
            Execute(c, $"""
                UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now'),
                  min_x = (SELECT min(minx) FROM {Quote($"rtree_{table}_geom")}), max_x = (SELECT max(maxx) FROM {Quote($"rtree_{table}_geom")}),
                  min_y = (SELECT min(miny) FROM {Quote($"rtree_{table}_geom")}), max_y = (SELECT max(maxy) FROM {Quote($"rtree_{table}_geom")})
                WHERE table_name = '{table}'
                """);
        }
    }

    /// <summary>The GeoPackage blob of a geometry, with srs_id 4490 patched into the header (the caller's geometry is not touched).</summary>
    public static byte[] Blob(Geometry geometry)
    {
        var blob = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY }.Write(geometry);
        var span = blob.AsSpan(4, 4);
        if ((blob[3] & 1) != 0)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span, Srid);
        }
        else
        {
            BinaryPrimitives.WriteInt32BigEndian(span, Srid);
        }
        return blob;
    }

    public static void Execute(SqliteConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
