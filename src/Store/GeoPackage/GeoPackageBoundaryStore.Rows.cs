using System.Globalization;
using Boundaries.Geo.Model;
using Boundaries.Store.Internal;
using Microsoft.Data.Sqlite;
using static Boundaries.Geo.Formats.GeoPackageConnection;

namespace Boundaries.Store.GeoPackage;

public sealed partial class GeoPackageBoundaryStore
{
    /// <summary>The version in force (open) of a code, as the write paths need it.</summary>
    private sealed record Head(long VersionId, string Table, DateOnly? ValidFrom, string? Name, string? Parent, byte[]? Blob, string? Attributes);

    private static Head? OpenHead(SqliteConnection c, string code)
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT version_id, tbl, valid_from, name, parent, geom, attributes FROM division_versions WHERE code = $code AND valid_to IS NULL";
        command.Parameters.AddWithValue("$code", code);
        using var r = command.ExecuteReader();
        return r.Read()
            ? new Head(r.GetInt64(0), r.GetString(1), DateOf(r, 2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.IsDBNull(5) ? null : (byte[])r.GetValue(5), r.IsDBNull(6) ? null : r.GetString(6))
            : null;
    }

    /// <summary>A closed version of <paramref name="code"/> whose period overlaps [from, to), or <c>null</c>.</summary>
    private static (long Id, DateOnly? From, DateOnly? To)? OverlappingClosed(SqliteConnection c, string code, DateOnly? from, DateOnly? to)
    {
        using var command = c.CreateCommand();
        command.CommandText = """
            SELECT version_id, valid_from, valid_to FROM division_versions WHERE code = $code AND valid_to IS NOT NULL
              AND ($to IS NULL OR valid_from IS NULL OR valid_from < $to) AND ($from IS NULL OR valid_to > $from)
            ORDER BY valid_from LIMIT 1
            """;
        command.Parameters.AddWithValue("$code", code);
        command.Parameters.AddWithValue("$from", DateValue(from));
        command.Parameters.AddWithValue("$to", DateValue(to));
        using var r = command.ExecuteReader();
        return r.Read() ? (r.GetInt64(0), DateOf(r, 1), DateOf(r, 2)) : null;
    }

    private static long InsertVersion(SqliteConnection c, Division d, long changeSetId)
    {
        long versionId;
        using (var next = c.CreateCommand())
        {
            next.CommandText = "UPDATE store_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'next_version_id' RETURNING CAST(value AS INTEGER) - 1";
            versionId = (long)next.ExecuteScalar()!;
        }
        using var insert = c.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO {Quote(d.Level.Name())} (geom, code, name, level, parent, valid_from, valid_to, version_id, created_by, attributes)
            VALUES ($geom, $code, $name, $level, $parent, $from, $to, $id, $cs, $attrs)
            """;
        insert.Parameters.AddWithValue("$geom", GeoPackageStoreSchema.Blob(d.Geometry));
        insert.Parameters.AddWithValue("$code", d.Code);
        insert.Parameters.AddWithValue("$name", d.Name ?? "");
        insert.Parameters.AddWithValue("$level", d.Level.Name());
        insert.Parameters.AddWithValue("$parent", (object?)d.ParentCode ?? DBNull.Value);
        insert.Parameters.AddWithValue("$from", DateValue(d.ValidFrom));
        insert.Parameters.AddWithValue("$to", DateValue(d.ValidTo));
        insert.Parameters.AddWithValue("$id", versionId);
        insert.Parameters.AddWithValue("$cs", changeSetId);
        insert.Parameters.AddWithValue("$attrs", AttributeJson.Write(d.Attributes));
        insert.ExecuteNonQuery();
        return versionId;
    }

    private static void CloseVersion(SqliteConnection c, string table, long versionId, DateOnly validTo, long changeSetId)
    {
        using var close = c.CreateCommand();
        close.CommandText = $"UPDATE {Quote(table)} SET valid_to = $to, closed_by = $cs WHERE version_id = $id AND valid_to IS NULL";
        close.Parameters.AddWithValue("$to", DateValue(validTo));
        close.Parameters.AddWithValue("$cs", changeSetId);
        close.Parameters.AddWithValue("$id", versionId);
        if (close.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException($"version {versionId} was not open");
        }
    }

    private static long InsertChangeSet(SqliteConnection c, string kind, string author, string reason, DateOnly? effective)
    {
        using var command = c.CreateCommand();
        command.CommandText = "INSERT INTO change_sets (kind, author, reason, effective_date, recorded_at) VALUES ($k, $a, $r, $e, $t) RETURNING id";
        command.Parameters.AddWithValue("$k", kind);
        command.Parameters.AddWithValue("$a", author);
        command.Parameters.AddWithValue("$r", reason);
        command.Parameters.AddWithValue("$e", DateValue(effective));
        command.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        return (long)command.ExecuteScalar()!;
    }

    private static void InsertAudit(SqliteConnection c, long changeSetId, string code, string action, long? before, long? after)
    {
        using var command = c.CreateCommand();
        command.CommandText = "INSERT INTO audit (change_set_id, code, action, before_version, after_version) VALUES ($cs, $code, $action, $before, $after)";
        command.Parameters.AddWithValue("$cs", changeSetId);
        command.Parameters.AddWithValue("$code", code);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$before", (object?)before ?? DBNull.Value);
        command.Parameters.AddWithValue("$after", (object?)after ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    private static object DateValue(DateOnly? date) =>
        (object?)date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value;

    private static DateOnly? DateOf(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
