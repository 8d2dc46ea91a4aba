using System.Collections.Immutable;
using System.Globalization;
using Boundaries.Geo.Model;
using Boundaries.Store.Internal;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace Boundaries.Store.GeoPackage;

public sealed partial class GeoPackageBoundaryStore
{
    private const string Columns = "version_id, code, tbl, name, parent, geom, valid_from, valid_to, attributes, created_by, closed_by";
    private const string InForce = "(valid_from IS NULL OR valid_from <= $at) AND (valid_to IS NULL OR $at < valid_to)";
    private const string LevelOrder = "CASE tbl WHEN 'province' THEN 1 WHEN 'prefecture' THEN 2 WHEN 'district' THEN 3 WHEN 'township' THEN 4 ELSE 5 END";

    /// <inheritdoc />
    public Task<ImmutableArray<StoredDivision>> GetDivisionsAsync(DateOnly? at = null, DivisionLevel? level = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Query($"SELECT {Columns} FROM division_versions WHERE {InForce} AND ($level IS NULL OR tbl = $level) ORDER BY {LevelOrder}, code",
            ("$at", DateValue(at ?? RecordCheck.Today())), ("$level", (object?)level?.Name() ?? DBNull.Value)), cancellationToken);

    /// <inheritdoc />
    public Task<StoredDivision?> GetDivisionAsync(string code, DateOnly? at = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return Task.Run(() =>
        {
            var rows = Query($"SELECT {Columns} FROM division_versions WHERE code = $code AND {InForce}",
                ("$code", code), ("$at", DateValue(at ?? RecordCheck.Today())));
            return rows.IsEmpty ? null : rows[0];
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DivisionHistory> GetHistoryAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return Task.Run(() =>
        {
            var versions = Query($"SELECT {Columns} FROM division_versions WHERE code = $code ORDER BY valid_from NULLS FIRST, version_id", ("$code", code));
            var ids = versions.Select(v => v.CreatedBy).Concat(versions.Where(v => v.ClosedBy is not null).Select(v => v.ClosedBy!.Value)).Distinct().ToList();
            using var c = OpenRead();
            using var command = c.CreateCommand();
            command.CommandText = $"SELECT id, kind, author, reason, effective_date, recorded_at FROM change_sets WHERE id IN ({string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).DefaultIfEmpty("NULL"))}) ORDER BY id";
            var sets = ImmutableArray.CreateBuilder<ChangeSetRecord>();
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                sets.Add(ChangeSetOf(r, 0));
            }
            return new DivisionHistory(code, versions, sets.ToImmutable());
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImmutableArray<AuditEntry>> GetAuditAsync(long? changeSetId = null, CancellationToken cancellationToken = default) => Task.Run(() =>
    {
        using var c = OpenRead();
        using var command = c.CreateCommand();
        command.CommandText = """
            SELECT s.id, s.kind, s.author, s.reason, s.effective_date, s.recorded_at, a.id, a.code, a.action, a.before_version, a.after_version
            FROM audit a JOIN change_sets s ON s.id = a.change_set_id WHERE $cs IS NULL OR a.change_set_id = $cs ORDER BY a.id
            """;
        command.Parameters.AddWithValue("$cs", (object?)changeSetId ?? DBNull.Value);
        var entries = ImmutableArray.CreateBuilder<AuditEntry>();
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            entries.Add(new AuditEntry(r.GetInt64(6), ChangeSetOf(r, 0), r.GetString(7), r.GetString(8),
                r.IsDBNull(9) ? null : r.GetInt64(9), r.IsDBNull(10) ? null : r.GetInt64(10)));
        }
        return entries.ToImmutable();
    }, cancellationToken);

    /// <inheritdoc />
    public Task<IAsyncDisposable> SubscribeAsync(Action<StoreChange> onChange, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        return Task.Run<IAsyncDisposable>(() => new GeoPackageSubscription(this, LastChangeSetId(), _options.PollInterval, onChange), cancellationToken);
    }

    /// <summary>The id of the newest change set; 0 when there is none.</summary>
    internal long LastChangeSetId()
    {
        using var c = OpenRead();
        using var command = c.CreateCommand();
        command.CommandText = "SELECT coalesce(max(id), 0) FROM change_sets";
        return (long)command.ExecuteScalar()!;
    }

    private ImmutableArray<StoredDivision> Query(string sql, params (string Name, object Value)[] parameters)
    {
        using var c = OpenRead();
        using var command = c.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var geoReader = new GeoPackageGeoReader { HandleSRID = true };
        var rows = ImmutableArray.CreateBuilder<StoredDivision>();
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            var division = new Division(r.GetString(1), r.IsDBNull(3) ? "" : r.GetString(3), DivisionLevels.Parse(r.GetString(2)),
                r.IsDBNull(4) ? null : r.GetString(4), geoReader.Read((byte[])r.GetValue(5)), DateOf(r, 6), DateOf(r, 7))
            {
                Attributes = AttributeJson.Read(r.IsDBNull(8) ? null : r.GetString(8)),
            };
            rows.Add(new StoredDivision(division, r.GetInt64(0), r.GetInt64(9), r.IsDBNull(10) ? null : r.GetInt64(10)));
        }
        return rows.ToImmutable();
    }

    private static ChangeSetRecord ChangeSetOf(SqliteDataReader r, int first) => new(
        r.GetInt64(first), r.GetString(first + 1), r.GetString(first + 2), r.GetString(first + 3), DateOf(r, first + 4),
        DateTimeOffset.Parse(r.GetString(first + 5), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
}
