using System.Collections.Immutable;
using Boundaries.Geo.Model;
using Boundaries.Store.Internal;
using Boundaries.Store.Lines;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Boundaries.Store.PostGis;

public sealed partial class PostGisBoundaryStore
{
    private const string LineColumns = "code, level, left_code, right_code, geom, length_m, valid_from, valid_to, version_id, created_by, closed_by";
    private const string NodeColumns = "level, geom, degree, divisions, touches_outside, valid_from, valid_to, created_by";

    /// <inheritdoc />
    public Task<ImmutableArray<StoredDivision>> GetAllVersionsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM boundaries.divisions ORDER BY {LevelOrder}, code, valid_from NULLS FIRST", [], cancellationToken);

    /// <inheritdoc />
    public Task<ChangeSetReceipt> SaveTopologyAsync(TopologyRecords topology, ChangeSetInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(info);
        info.Check();
        return WriteAsync("import", info.Author, info.Reason, info.EffectiveDate, async (c, id) =>
        {
            // lock the open lines so two builds saved at once do not both plan against the same heads
            var openLines = await ReadAsync(c, $"SELECT {LineColumns} FROM boundaries.lines WHERE valid_to IS NULL ORDER BY code FOR UPDATE", [], LineOf, cancellationToken);
            var openNodes = await ReadAsync(c, $"SELECT {NodeColumns} FROM boundaries.nodes WHERE valid_to IS NULL ORDER BY id", [], NodeOf, cancellationToken);
            var plan = TopologyPlan.Make(topology, openLines, openNodes, info.EffectiveDate);
            int replaced = 0, retired = 0;
            foreach (var (old, replacement) in plan.Close)
            {
                await CloseLineAsync(c, old.Line.Code, old.VersionId, plan.Effective!.Value, id, cancellationToken);
                if (replacement is not null)
                {
                    await InsertLineAsync(c, replacement, plan.Effective, id, cancellationToken);
                    replaced++;
                }
                else
                {
                    retired++;
                }
            }
            foreach (var line in plan.Create)
            {
                await InsertLineAsync(c, line, info.EffectiveDate, id, cancellationToken);
            }
            foreach (var level in plan.ReplaceNodesOf)
            {
                await using (var close = new NpgsqlCommand("UPDATE boundaries.nodes SET valid_to = $1, closed_by = $2 WHERE level = $3 AND valid_to IS NULL", c))
                {
                    close.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = (object?)plan.Effective ?? DBNull.Value });
                    close.Parameters.AddWithValue(id);
                    close.Parameters.AddWithValue(level.Name());
                    await close.ExecuteNonQueryAsync(cancellationToken);
                }
                foreach (var node in topology.Nodes.Where(n => n.Level == level))
                {
                    await using var insert = new NpgsqlCommand("""
                        INSERT INTO boundaries.nodes (level, geom, degree, divisions, touches_outside, valid_from, created_by)
                        VALUES ($1, ST_SetSRID($2, 4490), $3, $4, $5, $6, $7)
                        """, c);
                    insert.Parameters.AddWithValue(node.Level.Name());
                    insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Geometry, Value = node.Geometry });
                    insert.Parameters.AddWithValue(node.Degree);
                    insert.Parameters.AddWithValue(node.Divisions.ToArray());
                    insert.Parameters.AddWithValue(node.TouchesOutside);
                    insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = (object?)plan.Effective ?? DBNull.Value });
                    insert.Parameters.AddWithValue(id);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            return new ChangeSetReceipt(id, plan.Create.Length, replaced, retired, plan.Unchanged);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ChangeSetReceipt> ApplyLinesAsync(LineChangeSet changeSet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changeSet);
        changeSet.Check();
        return WriteAsync("change", changeSet.Author, changeSet.Reason, changeSet.EffectiveDate, async (c, id) =>
        {
            int created = 0, replaced = 0, retired = 0, index = 0;
            foreach (var change in changeSet.Changes)
            {
                if (change.Replacement is { } r)
                {
                    TopologyPlan.Check(r, index);
                }
                if (change.BaseVersionId is { } baseId)
                {
                    await CloseLineAsync(c, change.Code, baseId, changeSet.EffectiveDate, id, cancellationToken);
                }
                if (change.Replacement is { } replacement)
                {
                    await InsertLineAsync(c, replacement, changeSet.EffectiveDate, id, cancellationToken);
                }
                _ = change switch
                {
                    { BaseVersionId: null } => created++,
                    { Replacement: null } => retired++,
                    _ => replaced++,
                };
                index++;
            }
            return new ChangeSetReceipt(id, created, replaced, retired, 0);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImmutableArray<StoredLine>> GetLinesAsync(DateOnly? at = null, DivisionLevel? level = null, CancellationToken cancellationToken = default) =>
        ReadAsync($"""
            SELECT {LineColumns} FROM boundaries.lines
            WHERE daterange(valid_from, valid_to, '[)') @> $1 AND ($2::text IS NULL OR level = $2) ORDER BY {LevelOrder}, code
            """, [Date(at ?? RecordCheck.Today()), Text(level?.Name())], LineOf, cancellationToken);

    /// <inheritdoc />
    public async Task<LineHistory> GetLineHistoryAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        var versions = await ReadAsync($"SELECT {LineColumns} FROM boundaries.lines WHERE code = $1 ORDER BY valid_from NULLS FIRST, version_id",
            [Text(code)], LineOf, cancellationToken);
        var ids = versions.Select(v => v.CreatedBy).Concat(versions.Where(v => v.ClosedBy is not null).Select(v => v.ClosedBy!.Value)).Distinct().ToArray();
        var sets = await ReadAsync("SELECT id, kind, author, reason, effective_date, recorded_at FROM boundaries.change_sets WHERE id = ANY($1) ORDER BY id",
            [new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = ids }], r => ChangeSetOf(r, 0), cancellationToken);
        return new LineHistory(code, versions, sets);
    }

    /// <inheritdoc />
    public Task<ImmutableArray<StoredNode>> GetNodesAsync(DateOnly? at = null, DivisionLevel? level = null, CancellationToken cancellationToken = default) =>
        ReadAsync($"""
            SELECT {NodeColumns} FROM boundaries.nodes
            WHERE daterange(valid_from, valid_to, '[)') @> $1 AND ($2::text IS NULL OR level = $2) ORDER BY {LevelOrder}, id
            """, [Date(at ?? RecordCheck.Today()), Text(level?.Name())], NodeOf, cancellationToken);

    /// <summary>Closes a line's version in force, or says why it cannot (stale: a conflict; wrong code or date: bad data).</summary>
    private static async Task CloseLineAsync(NpgsqlConnection c, string code, long baseId, DateOnly effective, long changeSetId, CancellationToken cancellationToken)
    {
        await using (var close = new NpgsqlCommand("""
            UPDATE boundaries.lines SET valid_to = $3, closed_by = $4
            WHERE version_id = $1 AND code = $2 AND valid_to IS NULL AND (valid_from IS NULL OR valid_from < $3)
            """, c))
        {
            close.Parameters.AddWithValue(baseId);
            close.Parameters.AddWithValue(code);
            close.Parameters.AddWithValue(effective);
            close.Parameters.AddWithValue(changeSetId);
            if (await close.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return;
            }
        }
        var rows = await ReadAsync(c, $"SELECT {LineColumns} FROM boundaries.lines WHERE version_id = $1", [new NpgsqlParameter { Value = baseId }], LineOf, cancellationToken);
        if (rows.IsEmpty || rows[0].Line.Code != code)
        {
            throw new StoreDataException($"version {baseId} is not a version of line {code}", code);
        }
        if (rows[0].ValidTo is not null)
        {
            throw new ConcurrencyConflictException(code, baseId, $"line {code}: version {baseId} was closed by another change; reload and edit the version in force");
        }
        throw new StoreDataException($"effective date {effective:yyyy-MM-dd} is not after the start of line version {baseId} ({rows[0].ValidFrom:yyyy-MM-dd})", code);
    }

    private static async Task InsertLineAsync(NpgsqlConnection c, LineRecord line, DateOnly? from, long changeSetId, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO boundaries.lines (code, level, left_code, right_code, geom, length_m, valid_from, created_by)
            VALUES ($1, $2, $3, $4, ST_SetSRID($5, 4490), $6, $7, $8)
            """, c);
        insert.Parameters.AddWithValue(line.Code);
        insert.Parameters.AddWithValue(line.Level.Name());
        insert.Parameters.Add(Text(line.Left));
        insert.Parameters.Add(Text(line.Right));
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Geometry, Value = line.Geometry });
        insert.Parameters.AddWithValue(line.LengthMeters);
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = (object?)from ?? DBNull.Value });
        insert.Parameters.AddWithValue(changeSetId);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static StoredLine LineOf(NpgsqlDataReader r) => new(
        new LineRecord(r.GetString(0), DivisionLevels.Parse(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
            r.GetFieldValue<LineString>(4), r.GetDouble(5)),
        DateOf(r, 6), DateOf(r, 7), r.GetInt64(8), r.GetInt64(9), r.IsDBNull(10) ? null : r.GetInt64(10));

    private static StoredNode NodeOf(NpgsqlDataReader r) => new(
        new NodeRecord(DivisionLevels.Parse(r.GetString(0)), r.GetFieldValue<Point>(1), r.GetInt32(2), [.. r.GetFieldValue<string[]>(3)], r.GetBoolean(4)),
        DateOf(r, 5), DateOf(r, 6), r.GetInt64(7));

    private static DateOnly? DateOf(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
