using System.Globalization;
using Boundaries.Geo.Model;
using Microsoft.Data.Sqlite;
using static Boundaries.Geo.Formats.GeoPackageConnection;

namespace Boundaries.Geo.Formats;

internal static partial class GeoPackageDivisionWriter
{
    /// <summary>One attribute column: its name, SQL type and how a value is stored.</summary>
    private sealed record AttributeColumn(string Name, string SqlType)
    {
        public object ToSql(object? value) => value switch
        {
            null => DBNull.Value,
            _ when SqlType == "TEXT" => DivisionFieldMap.AsText(value) ?? (object)DBNull.Value,
            bool b => b ? 1L : 0L,
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => value,
        };
    }

    /// <summary>
    /// The attribute columns of a layer, in name order. A column's type follows its non-null values: all integers →
    /// INTEGER, integers and reals → REAL, all booleans → BOOLEAN, all dates → DATE, all byte arrays → BLOB, else TEXT.
    /// </summary>
    private static List<AttributeColumn> AttributeColumns(List<Division> divisions)
    {
        var kinds = new SortedDictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var d in divisions)
        {
            foreach (var (key, value) in d.Attributes)
            {
                if (!kinds.TryGetValue(key, out var set))
                {
                    kinds[key] = set = [];
                }
                if (value is not null)
                {
                    set.Add(value switch
                    {
                        bool => "BOOLEAN",
                        long or int or short or byte or sbyte or ushort or uint => "INTEGER",
                        double or float or decimal => "REAL",
                        DateOnly => "DATE",
                        byte[] => "BLOB",
                        _ => "TEXT",
                    });
                }
            }
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var columns = new List<AttributeColumn>();
        foreach (var (name, set) in kinds)
        {
            if (!seen.Add(name))
            {
                throw new ArgumentException($"attributes '{name}' and another differ only in case; a GeoPackage column name is case-insensitive");
            }
            var type = set.Count switch
            {
                0 => "TEXT",
                1 => set.First(),
                2 when set.SetEquals(["INTEGER", "REAL"]) => "REAL",
                _ => "TEXT",
            };
            columns.Add(new AttributeColumn(name, type));
        }
        return columns;
    }

    private static void CreateMetadataTables(SqliteConnection connection, int srsId, string srsName, string wkt)
    {
        GeoPackageSchema.CreateCoreTables(connection);
        var (wgsName, wgsWkt) = GeoPackageSrs.Definition(Crs.CrsCode.Wgs84);
        AddSrs(connection, 4326, wgsName, wgsWkt);
        if (srsId != 4326)
        {
            AddSrs(connection, srsId, srsName, wkt);
        }
    }

    private static void AddSrs(SqliteConnection connection, int srsId, string name, string wkt)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO gpkg_spatial_ref_sys VALUES ($name, $id, 'EPSG', $id, $wkt, NULL)";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$id", srsId);
        command.Parameters.AddWithValue("$wkt", wkt);
        command.ExecuteNonQuery();
    }

    /// <summary>The R-tree maintenance triggers of GeoPackage 1.3 annex F.3 for column geom, key fid.</summary>
    private static string RtreeTriggers(string table)
    {
        var t = Quote(table);
        var r = Quote($"rtree_{table}_geom");
        string Name(string suffix) => Quote($"rtree_{table}_geom_{suffix}");
        const string Box = "NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)";
        return $"""
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
            """;
    }
}
