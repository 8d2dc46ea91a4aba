using System.Collections.Immutable;
using System.Globalization;
using Boundaries.Geo.Model;
using Boundaries.Store.Internal;
using Boundaries.Store.Lines;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Boundaries.Store.GeoPackage;

public sealed partial class GeoPackageBoundaryStore
{
    private const string LineColumns = "code, level, left_code, right_code, geom, length_m, valid_from, valid_to, version_id, created_by, closed_by";
    private const string NodeColumns = "level, geom, degree, divisions, touches_outside, valid_from, valid_to, created_by";
    private const string LineOrder = "CASE level WHEN 'province' THEN 1 WHEN 'prefecture' THEN 2 WHEN 'district' THEN 3 WHEN 'township' THEN 4 ELSE 5 END";

    /// <inheritdoc />
    public Task<ImmutableArray<StoredDivision>> GetAllVersionsAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() => Query($"SELECT {Columns} FROM division_versions ORDER BY {LevelOrder}, code, valid_from NULLS FIRST"), cancellationToken);

    /// <inheritdoc />
    public Task<ChangeSetReceipt> SaveTopologyAsync(TopologyRecords topology, ChangeSetInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(info);
        info.Check();
        return WriteAsync(c =>
        {
            var plan = TopologyPlan.Make(topology, Rows(c, $"SELECT {LineColumns} FROM lines WHERE valid_to IS NULL ORDER BY code", LineOf),
                Rows(c, $"SELECT {NodeColumns} FROM nodes WHERE valid_to IS NULL ORDER BY fid", NodeOf), info.EffectiveDate);
            var id = InsertChangeSet(c, "import", info.Author, info.Reason, info.EffectiveDate);
            int replaced = 0, retired = 0;
            foreach (var (old, replacement) in plan.Close)
            {
                CloseLine(c, old.Line.Code, old.VersionId, plan.Effective!.Value, id);
                if (replacement is not null)
                {
                    InsertLine(c, replacement, plan.Effective, id);
                    replaced++;
                }
                else
                {
                    retired++;
                }
            }
            foreach (var line in plan.Create)
            {
                InsertLine(c, line, info.EffectiveDate, id);
            }
            foreach (var level in plan.ReplaceNodesOf)
            {
                Run(c, "UPDATE nodes SET valid_to = $to, closed_by = $cs WHERE level = $level AND valid_to IS NULL",
                    ("$to", DateValue(plan.Effective)), ("$cs", id), ("$level", level.Name()));
                foreach (var node in topology.Nodes.Where(n => n.Level == level))
                {
                    Run(c, """
                        INSERT INTO nodes (geom, level, degree, divisions, touches_outside, valid_from, created_by)
                        VALUES ($geom, $level, $degree, $divisions, $outside, $from, $cs)
                        """, ("$geom", GeoPackageStoreSchema.Blob(node.Geometry)), ("$level", level.Name()), ("$degree", node.Degree),
                        ("$divisions", string.Join(",", node.Divisions)), ("$outside", node.TouchesOutside ? 1 : 0), ("$from", DateValue(plan.Effective)), ("$cs", id));
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
        return WriteAsync(c =>
        {
            var id = InsertChangeSet(c, "change", changeSet.Author, changeSet.Reason, changeSet.EffectiveDate);
            int created = 0, replaced = 0, retired = 0, index = 0;
            foreach (var change in changeSet.Changes)
            {
                if (change.Replacement is { } r)
                {
                    TopologyPlan.Check(r, index);
                }
                if (change.BaseVersionId is { } baseId)
                {
                    CloseLine(c, change.Code, baseId, changeSet.EffectiveDate, id);
                }
                if (change.Replacement is { } replacement)
                {
                    if (Rows(c, $"SELECT {LineColumns} FROM lines WHERE code = $code AND (valid_to IS NULL OR valid_to > $from)", LineOf,
                        ("$code", change.Code), ("$from", DateValue(changeSet.EffectiveDate))).Length > 0)
                    {
                        throw new ConcurrencyConflictException(change.Code, change.BaseVersionId,
                            $"line {change.Code} already has a version in force or overlapping; nothing was written");
                    }
                    InsertLine(c, replacement, changeSet.EffectiveDate, id);
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
        Task.Run(() => ReadRows("lines", $"SELECT {LineColumns} FROM lines WHERE {InForce} AND ($level IS NULL OR level = $level) ORDER BY {LineOrder}, code",
            LineOf, ("$at", DateValue(at ?? RecordCheck.Today())), ("$level", (object?)level?.Name() ?? DBNull.Value)), cancellationToken);

    /// <inheritdoc />
    public Task<LineHistory> GetLineHistoryAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return Task.Run(() =>
        {
            var versions = ReadRows("lines", $"SELECT {LineColumns} FROM lines WHERE code = $code ORDER BY valid_from NULLS FIRST, version_id", LineOf, ("$code", code));
            var ids = versions.Select(v => v.CreatedBy).Concat(versions.Where(v => v.ClosedBy is not null).Select(v => v.ClosedBy!.Value)).Distinct();
            var sets = ReadRows("change_sets", $"SELECT id, kind, author, reason, effective_date, recorded_at FROM change_sets WHERE id IN ({string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).DefaultIfEmpty("NULL"))}) ORDER BY id",
                r => ChangeSetOf(r, 0));
            return new LineHistory(code, versions, sets);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImmutableArray<StoredNode>> GetNodesAsync(DateOnly? at = null, DivisionLevel? level = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => ReadRows("nodes", $"SELECT {NodeColumns} FROM nodes WHERE {InForce} AND ($level IS NULL OR level = $level) ORDER BY {LineOrder}, fid",
            NodeOf, ("$at", DateValue(at ?? RecordCheck.Today())), ("$level", (object?)level?.Name() ?? DBNull.Value)), cancellationToken);

    private static void CloseLine(SqliteConnection c, string code, long baseId, DateOnly effective, long changeSetId)
    {
        var rows = Rows(c, $"SELECT {LineColumns} FROM lines WHERE version_id = $id", LineOf, ("$id", baseId));
        if (rows.IsEmpty || rows[0].Line.Code != code)
        {
            throw new StoreDataException($"version {baseId} is not a version of line {code}", code);
        }
        if (rows[0].ValidTo is not null)
        {
            throw new ConcurrencyConflictException(code, baseId, $"line {code}: version {baseId} was closed by another change; reload and edit the version in force");
        }
        if (rows[0].ValidFrom is { } from && from >= effective)
        {
            throw new StoreDataException($"effective date {effective:yyyy-MM-dd} is not after the start of line version {baseId} ({from:yyyy-MM-dd})", code);
        }
        Run(c, "UPDATE lines SET valid_to = $to, closed_by = $cs WHERE version_id = $id", ("$to", DateValue(effective)), ("$cs", changeSetId), ("$id", baseId));
    }

    private static void InsertLine(SqliteConnection c, LineRecord line, DateOnly? from, long changeSetId) =>
        Run(c, """
            INSERT INTO lines (geom, code, level, left_code, right_code, length_m, valid_from, version_id, created_by)
            VALUES ($geom, $code, $level, $left, $right, $length, $from, (SELECT coalesce(max(version_id), 0) + 1 FROM lines), $cs)
            """, ("$geom", GeoPackageStoreSchema.Blob(line.Geometry)), ("$code", line.Code), ("$level", line.Level.Name()),
            ("$left", (object?)line.Left ?? DBNull.Value), ("$right", (object?)line.Right ?? DBNull.Value), ("$length", line.LengthMeters),
            ("$from", DateValue(from)), ("$cs", changeSetId));

    private static StoredLine LineOf(SqliteDataReader r) => new(
        new LineRecord(r.GetString(0), DivisionLevels.Parse(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
            (LineString)GeometryOf(r, 4), r.GetDouble(5)),
        DateOf(r, 6), DateOf(r, 7), r.GetInt64(8), r.GetInt64(9), r.IsDBNull(10) ? null : r.GetInt64(10));

    private static StoredNode NodeOf(SqliteDataReader r) => new(
        new NodeRecord(DivisionLevels.Parse(r.GetString(0)), (Point)GeometryOf(r, 1), r.GetInt32(2),
            [.. r.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries)], r.GetInt64(4) != 0),
        DateOf(r, 5), DateOf(r, 6), r.GetInt64(7));

    private static Geometry GeometryOf(SqliteDataReader r, int i) => new GeoPackageGeoReader { HandleSRID = true }.Read((byte[])r.GetValue(i));

    /// <summary>Reads rows in a fresh read connection; empty when the table does not exist yet (a schema-1 store).</summary>
    private ImmutableArray<T> ReadRows<T>(string table, string sql, Func<SqliteDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        using var c = OpenRead();
        return GeoPackageStoreSchema.HasTable(c, table) ? Rows(c, sql, map, parameters) : [];
    }

    private static ImmutableArray<T> Rows<T>(SqliteConnection c, string sql, Func<SqliteDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var rows = ImmutableArray.CreateBuilder<T>();
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            rows.Add(map(r));
        }
        return rows.ToImmutable();
    }

    private static void Run(SqliteConnection c, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }
}
