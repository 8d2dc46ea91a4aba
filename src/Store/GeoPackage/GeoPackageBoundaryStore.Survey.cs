using System.Collections.Immutable;
using System.Globalization;
using Boundaries.Geo.Validation;
using Boundaries.Store.Internal;
using Boundaries.Store.Survey;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;

namespace Boundaries.Store.GeoPackage;

public sealed partial class GeoPackageBoundaryStore
{
    private const string MarkerColumns = "number, type, line_code, geom, height_m, sigma_m, surveyed_on, fid, created_by, closed_by";

    /// <inheritdoc />
    public Task<ChangeSetReceipt> SaveMarkersAsync(IReadOnlyList<MarkerRecord> markers, ChangeSetInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(markers);
        ArgumentNullException.ThrowIfNull(info);
        info.Check();
        SurveyChecks.CheckMarkers(markers);
        return WriteAsync(c =>
        {
            var current = Rows(c, $"SELECT {MarkerColumns} FROM markers WHERE closed_by IS NULL", MarkerOf).ToDictionary(m => m.Marker.Number, StringComparer.Ordinal);
            var id = InsertChangeSet(c, "import", info.Author, info.Reason, info.EffectiveDate);
            int created = 0, replaced = 0, unchanged = 0;
            foreach (var m in markers)
            {
                if (current.TryGetValue(m.Number, out var old))
                {
                    if (SurveyChecks.Same(old.Marker, m))
                    {
                        unchanged++;
                        continue;
                    }
                    Run(c, "UPDATE markers SET closed_by = $cs WHERE fid = $id", ("$cs", id), ("$id", old.Id));
                    replaced++;
                }
                else
                {
                    created++;
                }
                Run(c, """
                    INSERT INTO markers (geom, number, type, line_code, height_m, sigma_m, surveyed_on, created_by)
                    VALUES ($geom, $number, $type, $line, $h, $s, $on, $cs)
                    """, ("$geom", GeoPackageStoreSchema.Blob(m.Geometry)), ("$number", m.Number), ("$type", m.Type.ToString()), ("$line", m.LineCode),
                    ("$h", (object?)m.HeightMeters ?? DBNull.Value), ("$s", (object?)m.SigmaHorizontalMeters ?? DBNull.Value), ("$on", DateValue(m.SurveyedOn)), ("$cs", id));
            }
            return new ChangeSetReceipt(id, created, replaced, 0, unchanged);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImmutableArray<StoredMarker>> GetMarkersAsync(string? lineCode = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => ReadRows("markers", $"SELECT {MarkerColumns} FROM markers WHERE closed_by IS NULL AND ($line IS NULL OR line_code = $line) ORDER BY number",
            MarkerOf, ("$line", (object?)lineCode ?? DBNull.Value)), cancellationToken);

    /// <inheritdoc />
    public Task<ChangeSetReceipt> AddObservationsAsync(IReadOnlyList<SurveyObservation> observations, ChangeSetInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(info);
        info.Check();
        SurveyChecks.CheckObservations(observations);
        return WriteAsync(c =>
        {
            var id = InsertChangeSet(c, "import", info.Author, info.Reason, info.EffectiveDate);
            foreach (var o in observations)
            {
                Run(c, "INSERT INTO survey_points (geom, name, height_m, sigma_m, observed_at, source, created_by) VALUES ($geom, $name, $h, $s, $at, $src, $cs)",
                    ("$geom", GeoPackageStoreSchema.Blob(o.Geometry)), ("$name", (object?)o.Name ?? DBNull.Value), ("$h", (object?)o.HeightMeters ?? DBNull.Value),
                    ("$s", (object?)o.SigmaHorizontalMeters ?? DBNull.Value),
                    ("$at", (object?)o.ObservedAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) ?? DBNull.Value),
                    ("$src", o.Source), ("$cs", id));
            }
            return new ChangeSetReceipt(id, observations.Count, 0, 0, 0);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImmutableArray<StoredObservation>> GetObservationsAsync(string? name = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => ReadRows("survey_points", """
            SELECT name, geom, height_m, sigma_m, observed_at, source, fid, created_by FROM survey_points WHERE $name IS NULL OR name = $name ORDER BY fid
            """, r => new StoredObservation(new SurveyObservation(r.IsDBNull(0) ? null : r.GetString(0), (Point)GeometryOf(r, 1), DoubleOf(r, 2), DoubleOf(r, 3),
                r.IsDBNull(4) ? null : DateTime.Parse(r.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                r.GetString(5)), r.GetInt64(6), r.GetInt64(7)), ("$name", (object?)name ?? DBNull.Value)), cancellationToken);

    /// <inheritdoc />
    public Task<ChangeSetReceipt> SaveFindingsAsync(IReadOnlyList<Finding> findings, ChangeSetInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(info);
        info.Check();
        SurveyChecks.CheckFindings(findings);
        return WriteAsync(c =>
        {
            var id = InsertChangeSet(c, "import", info.Author, info.Reason, info.EffectiveDate);
            foreach (var f in findings)
            {
                Run(c, """
                    INSERT INTO findings (geom, change_set_id, code, severity, divisions, measure, measure_unit, message)
                    VALUES ($geom, $cs, $code, $sev, $div, $m, $unit, $msg)
                    """, ("$geom", GeoPackageStoreSchema.Blob(f.Location)), ("$cs", id), ("$code", f.Code.ToString()), ("$sev", f.Severity.ToString()),
                    ("$div", string.Join(",", f.Divisions)), ("$m", (object?)f.Measure ?? DBNull.Value), ("$unit", f.MeasureUnit ?? ""), ("$msg", f.Message ?? ""));
            }
            return new ChangeSetReceipt(id, findings.Count, 0, 0, 0);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImmutableArray<StoredFinding>> GetFindingsAsync(long? changeSetId = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => ReadRows("findings", """
            SELECT code, severity, divisions, geom, measure, measure_unit, message, fid, change_set_id FROM findings
            WHERE change_set_id = coalesce($cs, (SELECT max(change_set_id) FROM findings)) ORDER BY fid
            """, r => new StoredFinding(SurveyChecks.FindingOf(r.GetString(0), r.GetString(1), r.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries),
                GeometryOf(r, 3), DoubleOf(r, 4), r.GetString(5), r.GetString(6)), r.GetInt64(7), r.GetInt64(8)),
            ("$cs", (object?)changeSetId ?? DBNull.Value)), cancellationToken);

    private static StoredMarker MarkerOf(SqliteDataReader r) => new(
        new MarkerRecord(r.GetString(0), r.GetString(1)[0], r.GetString(2), (Point)GeometryOf(r, 3), DoubleOf(r, 4), DoubleOf(r, 5), DateOf(r, 6)),
        r.GetInt64(7), r.GetInt64(8), r.IsDBNull(9) ? null : r.GetInt64(9));

    private static double? DoubleOf(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
