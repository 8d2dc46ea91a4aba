using Boundaries.Geo.Model;
using Boundaries.Store.Internal;
using Npgsql;
using NpgsqlTypes;

namespace Boundaries.Store.PostGis;

public sealed partial class PostGisBoundaryStore
{
    /// <inheritdoc />
    public async Task<ChangeSetReceipt> ApplyAsync(ChangeSet changeSet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changeSet);
        changeSet.Check();
        await using var connection = await OpenAsync(cancellationToken);
        string? current = null;
        try
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            var id = await InsertChangeSetAsync(connection, "change", changeSet.Author, changeSet.Reason, changeSet.EffectiveDate, cancellationToken);
            int created = 0, replaced = 0, retired = 0;
            var index = 0;
            foreach (var change in changeSet.Changes)
            {
                current = change.Code;
                if (change.Replacement is { } r)
                {
                    RecordCheck.Check(r, index);
                }
                long? closed = null;
                if (change.BaseVersionId is { } baseId)
                {
                    closed = await CloseAsync(connection, id, change, baseId, changeSet.EffectiveDate, cancellationToken);
                }
                long? opened = null;
                if (change.Replacement is { } replacement)
                {
                    opened = await InsertVersionAsync(connection, id, replacement with { ValidFrom = changeSet.EffectiveDate, ValidTo = null }, cancellationToken);
                }
                var action = closed is null ? "create" : opened is null ? "retire" : "replace";
                _ = action switch { "create" => created++, "retire" => retired++, _ => replaced++ };
                await using (var audit = new NpgsqlCommand(
                    "INSERT INTO boundaries.audit (change_set_id, code, action, before_version, after_version) VALUES ($1, $2, $3, $4, $5)", connection))
                {
                    audit.Parameters.AddWithValue(id);
                    audit.Parameters.AddWithValue(change.Code);
                    audit.Parameters.AddWithValue(action);
                    audit.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)closed ?? DBNull.Value });
                    audit.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)opened ?? DBNull.Value });
                    await audit.ExecuteNonQueryAsync(cancellationToken);
                }
                index++;
            }
            await NotifyAsync(connection, id, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return new ChangeSetReceipt(id, created, replaced, retired, 0);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation)
        {
            throw new ConcurrencyConflictException(current ?? "?", null, $"division {current} already has a version in force or overlapping ({e.MessageText}); nothing was written", e);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            throw new StoreUnavailableException(Location, $"the change set failed and was rolled back: {e.Message}", e);
        }
    }

    /// <summary>Closes the base version at the effective date, or says why it cannot be closed.</summary>
    private static async Task<long> CloseAsync(NpgsqlConnection connection, long changeSetId, DivisionChange change, long baseId, DateOnly effective, CancellationToken cancellationToken)
    {
        // Under READ COMMITTED a concurrent writer holding the row makes this wait; after its commit the row is re-read,
        // valid_to is no longer NULL, and no row is updated: the second writer is told, never overwrites.
        await using (var close = new NpgsqlCommand("""
            UPDATE boundaries.divisions SET valid_to = $3, closed_by = $4, row_version = row_version + 1
            WHERE version_id = $1 AND code = $2 AND valid_to IS NULL AND (valid_from IS NULL OR valid_from < $3)
            """, connection))
        {
            close.Parameters.AddWithValue(baseId);
            close.Parameters.AddWithValue(change.Code);
            close.Parameters.AddWithValue(effective);
            close.Parameters.AddWithValue(changeSetId);
            if (await close.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return baseId;
            }
        }
        await using var why = new NpgsqlCommand("SELECT code, valid_from, valid_to FROM boundaries.divisions WHERE version_id = $1", connection);
        why.Parameters.AddWithValue(baseId);
        await using var reader = await why.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.GetString(0) != change.Code)
        {
            throw new StoreDataException($"version {baseId} is not a version of this division", change.Code);
        }
        if (!reader.IsDBNull(2))
        {
            throw new ConcurrencyConflictException(change.Code, baseId,
                $"division {change.Code}: version {baseId} was closed by another change; reload and edit the version in force");
        }
        throw new StoreDataException($"effective date {effective:yyyy-MM-dd} is not after the start of version {baseId} ({reader.GetFieldValue<DateOnly>(1):yyyy-MM-dd})", change.Code);
    }

    private static async Task<long> InsertVersionAsync(NpgsqlConnection connection, long changeSetId, Division d, CancellationToken cancellationToken)
    {
        var suppliedId = await SupplyPartsAsync(connection, d.Geometry, cancellationToken);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO boundaries.divisions (version_id, code, level, name, parent_code, geom, valid_from, valid_to, attributes, created_by)
            VALUES (coalesce($10, nextval(pg_get_serial_sequence('boundaries.divisions', 'version_id'))),
                    $1, $2, $3, $4, ST_SetSRID($5, 4490), $6, $7, $8, $9) RETURNING version_id
            """, connection);
        insert.Parameters.AddWithValue(d.Code);
        insert.Parameters.AddWithValue(d.Level.Name());
        insert.Parameters.AddWithValue(d.Name ?? "");
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)d.ParentCode ?? DBNull.Value });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Geometry, Value = d.Geometry });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = (object?)d.ValidFrom ?? DBNull.Value });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = (object?)d.ValidTo ?? DBNull.Value });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = AttributeJson.Write(d.Attributes) });
        insert.Parameters.AddWithValue(changeSetId);
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)suppliedId ?? DBNull.Value });
        return (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<long> InsertChangeSetAsync(NpgsqlConnection connection, string kind, string author, string reason, DateOnly? effective, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO boundaries.change_sets (kind, author, reason, effective_date) VALUES ($1, $2, $3, $4) RETURNING id", connection);
        command.Parameters.AddWithValue(kind);
        command.Parameters.AddWithValue(author);
        command.Parameters.AddWithValue(reason);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = (object?)effective ?? DBNull.Value });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Queues the notification; PostgreSQL delivers it to listeners only when the transaction commits.</summary>
    private static async Task NotifyAsync(NpgsqlConnection connection, long changeSetId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_notify('{Channel}', $1)", connection);
        command.Parameters.AddWithValue(changeSetId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
