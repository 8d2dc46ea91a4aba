using System.Collections.Immutable;
using Boundaries.Geo.Validation;
using Boundaries.Store.Internal;
using Boundaries.Store.Survey;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Boundaries.Store.PostGis;

public sealed partial class PostGisBoundaryStore
{
    private const string MarkerColumns = "number, type, line_code, geom, height_m, sigma_m, surveyed_on, id, created_by, closed_by";

    /// <inheritdoc />
    public Task<ChangeSetReceipt> SaveMarkersAsync(IReadOnlyList<MarkerRecord> markers, ChangeSetInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(markers);
        ArgumentNullException.ThrowIfNull(info);
        info.Check();
        SurveyChecks.CheckMarkers(markers);
        return WriteAsync("import", info.Author, info.Reason, info.EffectiveDate, async (c, id) =>
        {
            var current = (await ReadAsync(c, $"SELECT {MarkerColumns} FROM boundaries.markers WHERE closed_by IS NULL FOR UPDATE", [], MarkerOf, cancellationToken))
                .ToDictionary(m => m.Marker.Number, StringComparer.Ordinal);
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
                    await using var close = new NpgsqlCommand("UPDATE boundaries.markers SET closed_by = $1 WHERE id = $2", c);
                    close.Parameters.AddWithValue(id);
                    close.Parameters.AddWithValue(old.Id);
                    await close.ExecuteNonQueryAsync(cancellationToken);
                    replaced++;
                }
                else
                {
                    created++;
                }
                await using var insert = new NpgsqlCommand("""
                    INSERT INTO boundaries.markers (number, type, line_code, geom, height_m, sigma_m, surveyed_on, created_by)
                    VALUES ($1, $2, $3, ST_SetSRID($4, 4490), $5, $6, $7, $8)
                    """, c);
                insert.Parameters.AddWithValue(m.Number);
                insert.Parameters.AddWithValue(m.Type.ToString());
                insert.Parameters.AddWithValue(m.LineCode);
                insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Geometry, Value = m.Geometry });
                insert.Parameters.Add(Double(m.HeightMeters));
                insert.Parameters.Add(Double(m.SigmaHorizontalMeters));
                insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = (object?)m.SurveyedOn ?? DBNull.Value });
                insert.Parameters.AddWithValue(id);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            return new ChangeSetReceipt(id, created, replaced, 0, unchanged);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImmutableArray<StoredMarker>> GetMarkersAsync(string? lineCode = null, CancellationToken cancellationToken = default) =>
        ReadAsync($"SELECT {MarkerColumns} FROM boundaries.markers WHERE closed_by IS NULL AND ($1::text IS NULL OR line_code = $1) ORDER BY number",
            [Text(lineCode)], MarkerOf, cancellationToken);

    /// <inheritdoc />
    public Task<ChangeSetReceipt> AddObservationsAsync(IReadOnlyList<SurveyObservation> observations, ChangeSetInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(info);
        info.Check();
        SurveyChecks.CheckObservations(observations);
        return WriteAsync("import", info.Author, info.Reason, info.EffectiveDate, async (c, id) =>
        {
            await using (var copy = await c.BeginBinaryImportAsync(
                "COPY boundaries.survey_points (name, geom, height_m, sigma_m, observed_at, source, created_by) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var o in observations)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync((object?)o.Name ?? DBNull.Value, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(StoreGeometry.With4490(o.Geometry), NpgsqlDbType.Geometry, cancellationToken);
                    await copy.WriteAsync((object?)o.HeightMeters ?? DBNull.Value, NpgsqlDbType.Double, cancellationToken);
                    await copy.WriteAsync((object?)o.SigmaHorizontalMeters ?? DBNull.Value, NpgsqlDbType.Double, cancellationToken);
                    await copy.WriteAsync((object?)o.ObservedAt ?? DBNull.Value, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(o.Source, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken);
                }
                await copy.CompleteAsync(cancellationToken);
            }
            return new ChangeSetReceipt(id, observations.Count, 0, 0, 0);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImmutableArray<StoredObservation>> GetObservationsAsync(string? name = null, CancellationToken cancellationToken = default) =>
        ReadAsync("""
            SELECT name, geom, height_m, sigma_m, observed_at, source, id, created_by FROM boundaries.survey_points
            WHERE $1::text IS NULL OR name = $1 ORDER BY id
            """, [Text(name)], r => new StoredObservation(
                new SurveyObservation(r.IsDBNull(0) ? null : r.GetString(0), r.GetFieldValue<Point>(1), DoubleOf(r, 2), DoubleOf(r, 3),
                    r.IsDBNull(4) ? null : r.GetFieldValue<DateTime>(4), r.GetString(5)), r.GetInt64(6), r.GetInt64(7)), cancellationToken);

    /// <inheritdoc />
    public Task<ChangeSetReceipt> SaveFindingsAsync(IReadOnlyList<Finding> findings, ChangeSetInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(info);
        info.Check();
        SurveyChecks.CheckFindings(findings);
        return WriteAsync("import", info.Author, info.Reason, info.EffectiveDate, async (c, id) =>
        {
            foreach (var f in findings)
            {
                await using var insert = new NpgsqlCommand("""
                    INSERT INTO boundaries.findings (change_set_id, code, severity, divisions, geom, measure, measure_unit, message)
                    VALUES ($1, $2, $3, $4, ST_SetSRID($5, 4490), $6, $7, $8)
                    """, c);
                insert.Parameters.AddWithValue(id);
                insert.Parameters.AddWithValue(f.Code.ToString());
                insert.Parameters.AddWithValue(f.Severity.ToString());
                insert.Parameters.AddWithValue(f.Divisions.ToArray());
                insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Geometry, Value = f.Location });
                insert.Parameters.Add(Double(f.Measure));
                insert.Parameters.AddWithValue(f.MeasureUnit ?? "");
                insert.Parameters.AddWithValue(f.Message ?? "");
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            return new ChangeSetReceipt(id, findings.Count, 0, 0, 0);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImmutableArray<StoredFinding>> GetFindingsAsync(long? changeSetId = null, CancellationToken cancellationToken = default) =>
        ReadAsync("""
            SELECT code, severity, divisions, geom, measure, measure_unit, message, id, change_set_id FROM boundaries.findings
            WHERE change_set_id = coalesce($1::bigint, (SELECT max(change_set_id) FROM boundaries.findings)) ORDER BY id
            """, [new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)changeSetId ?? DBNull.Value }],
            r => new StoredFinding(SurveyChecks.FindingOf(r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2), r.GetFieldValue<Geometry>(3),
                DoubleOf(r, 4), r.GetString(5), r.GetString(6)), r.GetInt64(7), r.GetInt64(8)), cancellationToken);

    private static StoredMarker MarkerOf(NpgsqlDataReader r) => new(
        new MarkerRecord(r.GetString(0), r.GetString(1)[0], r.GetString(2), r.GetFieldValue<Point>(3), DoubleOf(r, 4), DoubleOf(r, 5),
            r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6)),
        r.GetInt64(7), r.GetInt64(8), r.IsDBNull(9) ? null : r.GetInt64(9));

    private static double? DoubleOf(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static NpgsqlParameter Double(double? value) => new() { NpgsqlDbType = NpgsqlDbType.Double, Value = (object?)value ?? DBNull.Value };
}
