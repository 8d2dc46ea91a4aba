using Boundaries.Geo.Model;
using Boundaries.Store.Internal;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Boundaries.Store.PostGis;

public sealed partial class PostGisBoundaryStore
{
    /// <inheritdoc />
    public async Task<ChangeSetReceipt> ImportAsync(DivisionSet divisions, ChangeSetInfo info, CancellationToken cancellationToken = default)
    {
        RecordCheck.CheckSet(divisions);
        ArgumentNullException.ThrowIfNull(info);
        info.Check();
        // The parts are cut on the thread pool while the divisions stream to the server and are planned there.
        var parts = Task.Run(() => CutParts(divisions), cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            var changeSetId = await InsertChangeSetAsync(connection, "import", info.Author, info.Reason, info.EffectiveDate, cancellationToken);
            await ExecuteAsync(connection, """
                CREATE TEMP TABLE staging (ord integer NOT NULL, code text NOT NULL, level text NOT NULL, name text NOT NULL,
                  parent_code text, geom geometry NOT NULL, valid_from date, valid_to date, attributes jsonb NOT NULL) ON COMMIT DROP;
                -- coordinates do not compress: without this pglz tries on every geometry (~0.6 s for a whole city)
                ALTER TABLE staging ALTER COLUMN geom SET STORAGE EXTERNAL;
                """, cancellationToken);
            await CopyAsync(connection, divisions, info.EffectiveDate, cancellationToken);
            var receipt = await PlanAndWriteAsync(connection, changeSetId, parts, cancellationToken);
            await NotifyAsync(connection, changeSetId, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return receipt;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation)
        {
            throw new ConcurrencyConflictException(CodeIn(e), null, $"another writer changed the same divisions meanwhile ({e.MessageText}); nothing was written", e);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            throw new StoreUnavailableException(Location, $"the import failed and was rolled back: {e.Message}", e);
        }
    }

    /// <summary>Streams the divisions into the staging table by binary COPY, checking each as it goes.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, DivisionSet divisions, DateOnly? effective, CancellationToken cancellationToken)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY staging (ord, code, level, name, parent_code, geom, valid_from, valid_to, attributes) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var index = 0;
        foreach (var d in divisions.Divisions)
        {
            RecordCheck.Check(d, index);
            if (!codes.Add(d.Code))
            {
                throw new StoreDataException("the code appears twice in the import", d.Code, index);
            }
            var from = d.ValidFrom ?? effective;
            if (from is { } f && d.ValidTo is { } t && f >= t)
            {
                throw new StoreDataException($"effective date {f:yyyy-MM-dd} is not before valid_to {t:yyyy-MM-dd}", d.Code, index);
            }
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(index, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(d.Code, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(d.Level.Name(), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(d.Name ?? "", NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(copy, d.ParentCode, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(d.Geometry, NpgsqlDbType.Geometry, cancellationToken);
            await WriteNullableAsync(copy, from, NpgsqlDbType.Date, cancellationToken);
            await WriteNullableAsync(copy, d.ValidTo, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(AttributeJson.Write(d.Attributes), NpgsqlDbType.Jsonb, cancellationToken);
            index++;
        }
        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(value, type, cancellationToken);
        }
    }

    /// <summary>
    /// Classifies each staged division against the version in force (create, replace, same), refuses replacements that do
    /// not start after that version and periods that overlap an older version, closes the replaced versions, inserts the
    /// new ones and writes the audit.
    /// </summary>
    private static async Task<ChangeSetReceipt> PlanAndWriteAsync(NpgsqlConnection connection, long changeSetId, Task<Polygon[]?[]> parts, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE plan ON COMMIT DROP AS
            SELECT q.*, CASE WHEN q.action <> 'same' THEN nextval(pg_get_serial_sequence('boundaries.divisions', 'version_id')) END AS new_id
            FROM (
              SELECT s.ord, s.code, s.level, s.name, s.parent_code, s.valid_from, s.valid_to, s.attributes,
                h.version_id AS head_id, h.valid_from AS head_from,
                CASE WHEN h.version_id IS NULL THEN 'create'
                     WHEN h.name = s.name AND h.level = s.level AND h.parent_code IS NOT DISTINCT FROM s.parent_code
                          AND h.attributes = s.attributes AND ST_OrderingEquals(h.geom, ST_SetSRID(s.geom, 4490)) THEN 'same'
                     ELSE 'replace' END AS action
              FROM staging s LEFT JOIN boundaries.divisions h ON h.code = s.code AND h.valid_to IS NULL
              ORDER BY s.ord OFFSET 0) q
            """, cancellationToken);
        await using (var bad = new NpgsqlCommand("""
            SELECT p.ord, p.code, CASE WHEN p.action = 'replace' AND p.valid_from IS NULL
                THEN 'replacing the version in force needs an effective date'
                WHEN p.action = 'replace' THEN format('valid from %s, not after the version in force (valid from %s)', p.valid_from, p.head_from)
                ELSE format('validity period overlaps version %s (%s to %s)', o.version_id, o.valid_from, o.valid_to) END
            FROM plan p LEFT JOIN boundaries.divisions o ON o.code = p.code AND o.valid_to IS NOT NULL AND p.action <> 'same'
              AND daterange(o.valid_from, o.valid_to, '[)') && daterange(p.valid_from, p.valid_to, '[)')
            WHERE (p.action = 'replace' AND (p.valid_from IS NULL OR p.valid_from <= p.head_from)) OR o.version_id IS NOT NULL
            ORDER BY p.ord LIMIT 1
            """, connection))
        await using (var reader = await bad.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                throw new StoreDataException(reader.GetString(2), reader.GetString(1), reader.GetInt32(0));
            }
        }
        int closed;
        await using (var close = new NpgsqlCommand("""
            UPDATE boundaries.divisions d SET valid_to = p.valid_from, closed_by = $1, row_version = d.row_version + 1
            FROM plan p WHERE p.action = 'replace' AND d.version_id = p.head_id AND d.valid_to IS NULL
            """, connection))
        {
            close.Parameters.AddWithValue(changeSetId);
            closed = await close.ExecuteNonQueryAsync(cancellationToken);
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var count = new NpgsqlCommand("SELECT action, count(*)::int FROM plan GROUP BY action", connection))
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = reader.GetInt32(1);
            }
        }
        var replaced = counts.GetValueOrDefault("replace");
        if (closed != replaced)
        {
            // a concurrent writer closed a version we planned to close, between our read and our update
            throw new ConcurrencyConflictException("?", null, $"{replaced - closed} of the divisions were changed by another writer meanwhile; nothing was written");
        }
        await CopyPartsAsync(connection, await parts, cancellationToken);
        await using (var insert = new NpgsqlCommand("""
            WITH ins AS (
              INSERT INTO boundaries.divisions (version_id, code, level, name, parent_code, geom, valid_from, valid_to, attributes, created_by)
              SELECT p.new_id, p.code, p.level, p.name, p.parent_code, ST_SetSRID(s.geom, 4490), p.valid_from, p.valid_to, p.attributes, $1
              FROM plan p JOIN staging s ON s.ord = p.ord WHERE p.action <> 'same' ORDER BY p.ord
              RETURNING version_id, code)
            INSERT INTO boundaries.audit (change_set_id, code, action, before_version, after_version)
            SELECT $1, ins.code, p.action, p.head_id, ins.version_id FROM ins JOIN plan p ON p.code = ins.code ORDER BY p.ord
            """, connection)
            {
                // The trigger cuts the versions whose parts were not supplied (ST_Subdivide) and checks the areas of all:
                // on a busy server that can outlast the 30 s default.
                CommandTimeout = 600,
            })
        {
            insert.Parameters.AddWithValue(changeSetId);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        return new ChangeSetReceipt(changeSetId, counts.GetValueOrDefault("create"), replaced, 0, counts.GetValueOrDefault("same"));
    }

    private static string CodeIn(PostgresException e)
    {
        // "Key (code)=(120101001) already exists." / "Key (code, daterange(...))=(120101001, ...) conflicts with ..."
        var detail = e.Detail ?? "";
        var start = detail.IndexOf(")=(", StringComparison.Ordinal);
        if (start < 0)
        {
            return "?";
        }
        start += 3;
        var end = detail.IndexOfAny([',', ')'], start);
        return end > start ? detail[start..end] : "?";
    }
}
