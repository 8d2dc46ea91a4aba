using Boundaries.Geo.Model;
using Boundaries.Store.Internal;
using Microsoft.Data.Sqlite;

namespace Boundaries.Store.GeoPackage;

public sealed partial class GeoPackageBoundaryStore
{
    /// <inheritdoc />
    public Task<ChangeSetReceipt> ImportAsync(DivisionSet divisions, ChangeSetInfo info, CancellationToken cancellationToken = default)
    {
        RecordCheck.CheckSet(divisions);
        ArgumentNullException.ThrowIfNull(info);
        info.Check();
        return WriteAsync(c => Import(c, divisions, info, cancellationToken), cancellationToken);
    }

    private static ChangeSetReceipt Import(SqliteConnection c, DivisionSet divisions, ChangeSetInfo info, CancellationToken cancellationToken)
    {
        var id = InsertChangeSet(c, "import", info.Author, info.Reason, info.EffectiveDate);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        int created = 0, replaced = 0, unchanged = 0, index = 0;
        foreach (var d in divisions.Divisions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RecordCheck.Check(d, index);
            if (!codes.Add(d.Code))
            {
                throw new StoreDataException("the code appears twice in the import", d.Code, index);
            }
            var from = d.ValidFrom ?? info.EffectiveDate;
            if (from is { } f && d.ValidTo is { } t && f >= t)
            {
                throw new StoreDataException($"effective date {f:yyyy-MM-dd} is not before valid_to {t:yyyy-MM-dd}", d.Code, index);
            }
            var version = d with { ValidFrom = from };
            var head = OpenHead(c, d.Code);
            if (head is not null && IsSame(head, d))
            {
                unchanged++;
                index++;
                continue;
            }
            if (head is not null)
            {
                if (from is null)
                {
                    throw new StoreDataException("replacing the version in force needs an effective date", d.Code, index);
                }
                if (head.ValidFrom is { } headFrom && from <= headFrom)
                {
                    throw new StoreDataException($"valid from {from:yyyy-MM-dd}, not after the version in force (valid from {headFrom:yyyy-MM-dd})", d.Code, index);
                }
            }
            if (OverlappingClosed(c, d.Code, from, d.ValidTo) is { } o)
            {
                throw new StoreDataException($"validity period overlaps version {o.Id} ({o.From:yyyy-MM-dd} to {o.To:yyyy-MM-dd})", d.Code, index);
            }
            if (head is not null)
            {
                CloseVersion(c, head.Table, head.VersionId, from!.Value, id);
                replaced++;
            }
            else
            {
                created++;
            }
            var after = InsertVersion(c, version, id);
            InsertAudit(c, id, d.Code, head is null ? "create" : "replace", head?.VersionId, after);
            index++;
        }
        return new ChangeSetReceipt(id, created, replaced, 0, unchanged);
    }

    /// <summary>Equal to the version in force: same name, level, parent, attributes and geometry vertex for vertex.</summary>
    private static bool IsSame(Head head, Division d) =>
        head.Table == d.Level.Name()
        && head.Name == d.Name
        && head.Parent == d.ParentCode
        && head.Attributes == AttributeJson.Write(d.Attributes)
        && head.Blob is not null && head.Blob.AsSpan().SequenceEqual(GeoPackageStoreSchema.Blob(d.Geometry));

    /// <inheritdoc />
    public Task<ChangeSetReceipt> ApplyAsync(ChangeSet changeSet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changeSet);
        changeSet.Check();
        return WriteAsync(c => Apply(c, changeSet), cancellationToken);
    }

    private static ChangeSetReceipt Apply(SqliteConnection c, ChangeSet changeSet)
    {
        var id = InsertChangeSet(c, "change", changeSet.Author, changeSet.Reason, changeSet.EffectiveDate);
        int created = 0, replaced = 0, retired = 0, index = 0;
        var effective = changeSet.EffectiveDate;
        foreach (var change in changeSet.Changes)
        {
            if (change.Replacement is { } r)
            {
                RecordCheck.Check(r, index);
            }
            long? closed = null;
            if (change.BaseVersionId is { } baseId)
            {
                using var find = c.CreateCommand();
                find.CommandText = "SELECT tbl, code, valid_from, valid_to FROM division_versions WHERE version_id = $id";
                find.Parameters.AddWithValue("$id", baseId);
                using var row = find.ExecuteReader();
                if (!row.Read() || row.GetString(1) != change.Code)
                {
                    throw new StoreDataException($"version {baseId} is not a version of this division", change.Code);
                }
                if (!row.IsDBNull(3))
                {
                    throw new ConcurrencyConflictException(change.Code, baseId,
                        $"division {change.Code}: version {baseId} was closed by another change; reload and edit the version in force");
                }
                if (DateOf(row, 2) is { } from && from >= effective)
                {
                    throw new StoreDataException($"effective date {effective:yyyy-MM-dd} is not after the start of version {baseId} ({from:yyyy-MM-dd})", change.Code);
                }
                CloseVersion(c, row.GetString(0), baseId, effective, id);
                closed = baseId;
            }
            long? opened = null;
            if (change.Replacement is { } replacement)
            {
                if (OpenHead(c, change.Code) is not null || OverlappingClosed(c, change.Code, effective, null) is not null)
                {
                    throw new ConcurrencyConflictException(change.Code, change.BaseVersionId,
                        $"division {change.Code} already has a version in force or overlapping; nothing was written");
                }
                opened = InsertVersion(c, replacement with { ValidFrom = effective, ValidTo = null }, id);
            }
            var action = closed is null ? "create" : opened is null ? "retire" : "replace";
            _ = action switch { "create" => created++, "retire" => retired++, _ => replaced++ };
            InsertAudit(c, id, change.Code, action, closed, opened);
            index++;
        }
        return new ChangeSetReceipt(id, created, replaced, retired, 0);
    }
}
