using System.Collections.Immutable;
using Boundaries.Geo.Model;
using Boundaries.Store.Internal;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Boundaries.Store.PostGis;

public sealed partial class PostGisBoundaryStore
{
    private const string Columns = "version_id, code, level, name, parent_code, geom, valid_from, valid_to, attributes::text, created_by, closed_by";
    private const string LevelOrder = "array_position(ARRAY['province', 'prefecture', 'district', 'township', 'community'], level)";

    /// <inheritdoc />
    public Task<ImmutableArray<StoredDivision>> GetDivisionsAsync(DateOnly? at = null, DivisionLevel? level = null, CancellationToken cancellationToken = default) =>
        QueryAsync($"""
            SELECT {Columns} FROM boundaries.divisions
            WHERE daterange(valid_from, valid_to, '[)') @> $1 AND ($2::text IS NULL OR level = $2)
            ORDER BY {LevelOrder}, code
            """, [Date(at ?? RecordCheck.Today()), Text(level?.Name())], cancellationToken);

    /// <inheritdoc />
    public async Task<StoredDivision?> GetDivisionAsync(string code, DateOnly? at = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        var rows = await QueryAsync($"SELECT {Columns} FROM boundaries.divisions WHERE code = $1 AND daterange(valid_from, valid_to, '[)') @> $2",
            [Text(code), Date(at ?? RecordCheck.Today())], cancellationToken);
        return rows.IsEmpty ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task<DivisionHistory> GetHistoryAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        var versions = await QueryAsync($"SELECT {Columns} FROM boundaries.divisions WHERE code = $1 ORDER BY valid_from NULLS FIRST, version_id",
            [Text(code)], cancellationToken);
        var ids = versions.Select(v => v.CreatedBy).Concat(versions.Where(v => v.ClosedBy is not null).Select(v => v.ClosedBy!.Value)).Distinct().ToArray();
        var sets = ImmutableArray.CreateBuilder<ChangeSetRecord>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id, kind, author, reason, effective_date, recorded_at FROM boundaries.change_sets WHERE id = ANY($1) ORDER BY id", connection);
        command.Parameters.AddWithValue(ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sets.Add(ChangeSetOf(reader, 0));
        }
        return new DivisionHistory(code, versions, sets.ToImmutable());
    }

    /// <inheritdoc />
    public async Task<ImmutableArray<AuditEntry>> GetAuditAsync(long? changeSetId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT c.id, c.kind, c.author, c.reason, c.effective_date, c.recorded_at, a.id, a.code, a.action, a.before_version, a.after_version
            FROM boundaries.audit a JOIN boundaries.change_sets c ON c.id = a.change_set_id
            WHERE $1::bigint IS NULL OR a.change_set_id = $1 ORDER BY a.id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)changeSetId ?? DBNull.Value });
        var entries = ImmutableArray.CreateBuilder<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetInt64(6), ChangeSetOf(reader, 0), reader.GetString(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetInt64(9), reader.IsDBNull(10) ? null : reader.GetInt64(10)));
        }
        return entries.ToImmutable();
    }

    private async Task<ImmutableArray<StoredDivision>> QueryAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddRange(parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = ImmutableArray.CreateBuilder<StoredDivision>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var division = new Division(
                    reader.GetString(1), reader.GetString(3), DivisionLevels.Parse(reader.GetString(2)),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<Geometry>(5),
                    reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7))
                {
                    Attributes = AttributeJson.Read(reader.GetString(8)),
                };
                rows.Add(new StoredDivision(division, reader.GetInt64(0), reader.GetInt64(9), reader.IsDBNull(10) ? null : reader.GetInt64(10)));
            }
            return rows.ToImmutable();
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            throw new StoreUnavailableException(Location, e.Message, e);
        }
    }

    private static ChangeSetRecord ChangeSetOf(NpgsqlDataReader reader, int first) => new(
        reader.GetInt64(first), reader.GetString(first + 1), reader.GetString(first + 2), reader.GetString(first + 3),
        reader.IsDBNull(first + 4) ? null : reader.GetFieldValue<DateOnly>(first + 4), reader.GetFieldValue<DateTimeOffset>(first + 5));

    private static NpgsqlParameter Date(DateOnly value) => new() { NpgsqlDbType = NpgsqlDbType.Date, Value = value };

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };
}
