using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using static Boundaries.Geo.Formats.GeoPackageConnection;

namespace Boundaries.Store.GeoPackage;

internal static partial class GeoPackageStoreSchema
{
    /// <summary>The feature layers schema 2 adds: boundary lines, nodes, markers, survey observations, validation findings.</summary>
    public static readonly ImmutableArray<string> FeatureTablesV2 = ["lines", "nodes", "markers", "survey_points", "findings"];

    /// <summary>Brings a schema-1 store (divisions only) to schema 2 inside the caller's transaction; nothing when up to date.</summary>
    public static void Upgrade(SqliteConnection c)
    {
        using (var command = c.CreateCommand())
        {
            command.CommandText = "SELECT value FROM store_meta WHERE key = 'schema_version'";
            if (int.Parse((string)command.ExecuteScalar()!, System.Globalization.CultureInfo.InvariantCulture) >= 2)
            {
                return;
            }
        }
        CreateFeature(c, "lines", "LINESTRING", "boundary lines, every version; valid_from inclusive, valid_to exclusive", """
            code TEXT NOT NULL CHECK (code <> ''), level TEXT NOT NULL, left_code TEXT, right_code TEXT, length_m REAL NOT NULL,
            valid_from DATE, valid_to DATE, version_id INTEGER NOT NULL UNIQUE, created_by INTEGER NOT NULL, closed_by INTEGER
            """);
        Execute(c, "CREATE INDEX lines_code ON lines (code, valid_to); CREATE UNIQUE INDEX lines_one_open ON lines (code) WHERE valid_to IS NULL;");
        CreateFeature(c, "nodes", "POINT", "nodes of the boundary lines (tri-junctions: three or more divisions) per topology build", """
            level TEXT NOT NULL, degree INTEGER NOT NULL, divisions TEXT NOT NULL, touches_outside INTEGER NOT NULL,
            valid_from DATE, valid_to DATE, created_by INTEGER NOT NULL, closed_by INTEGER
            """);
        CreateFeature(c, "markers", "POINT", "boundary markers; closed_by set on a superseded position", """
            number TEXT NOT NULL CHECK (number <> ''), type TEXT NOT NULL, line_code TEXT NOT NULL, height_m REAL, sigma_m REAL,
            surveyed_on DATE, created_by INTEGER NOT NULL, closed_by INTEGER
            """);
        Execute(c, "CREATE UNIQUE INDEX markers_one_current ON markers (number) WHERE closed_by IS NULL;");
        CreateFeature(c, "survey_points", "POINT", "survey observations kept as evidence", """
            name TEXT, height_m REAL, sigma_m REAL, observed_at DATETIME, source TEXT NOT NULL, created_by INTEGER NOT NULL
            """);
        CreateFeature(c, "findings", "GEOMETRY", "validation findings per run (change set)", """
            change_set_id INTEGER NOT NULL, code TEXT NOT NULL, severity TEXT NOT NULL, divisions TEXT NOT NULL, measure REAL,
            measure_unit TEXT NOT NULL, message TEXT NOT NULL
            """);
        Execute(c, "UPDATE store_meta SET value = '2' WHERE key = 'schema_version'");
    }

    private static void CreateFeature(SqliteConnection c, string table, string geometryType, string description, string columns)
    {
        Execute(c, $"""
            CREATE TABLE {Quote(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom {geometryType} NOT NULL, {columns});
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES ('{table}', 'features', '{table}', '{description}', {Srid});
            INSERT INTO gpkg_geometry_columns VALUES ('{table}', 'geom', '{geometryType}', {Srid}, 0, 0);
            INSERT INTO gpkg_extensions VALUES ('{table}', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');
            """);
        CreateRtree(c, table);
    }

    /// <summary>True when <paramref name="table"/> exists (a schema-1 store read before any write has no schema-2 tables).</summary>
    public static bool HasTable(SqliteConnection c, string table)
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $t";
        command.Parameters.AddWithValue("$t", table);
        return (long)command.ExecuteScalar()! > 0;
    }
}
