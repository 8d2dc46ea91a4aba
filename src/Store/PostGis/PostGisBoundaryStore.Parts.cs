using Boundaries.Geo.Model;
using Boundaries.Geo.Subdivide;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Boundaries.Store.PostGis;

public sealed partial class PostGisBoundaryStore
{
    /// <summary>At most this many points a part, as migration 003's <c>division_parts_of</c> cuts.</summary>
    internal const int PartVertices = 128;

    private static readonly GeometryFactory PartFactory = new(new PrecisionModel(), 4490);

    /// <summary>
    /// Cuts every division of an import into parts (<see cref="PolygonSubdivider"/>, both cores), by source order; null
    /// for a division the cutter declined, which the insert trigger then cuts with ST_Subdivide.
    /// </summary>
    internal static Polygon[]?[] CutParts(DivisionSet divisions)
    {
        var parts = new Polygon[]?[divisions.Divisions.Length];
        Parallel.For(0, parts.Length, i =>
        {
            try
            {
                parts[i] = PolygonSubdivider.Subdivide(divisions.Divisions[i].Geometry, PartVertices, PartFactory)?.ToArray();
            }
            catch (ArgumentException)
            {
                // not a polygon: the import refuses it with the division's code and index (RecordCheck) while streaming
                parts[i] = null;
            }
        });
        return parts;
    }

    /// <summary>
    /// Streams the parts of the versions about to be inserted (plan rows with a new version id) into
    /// <c>boundaries.division_parts</c> by binary COPY, before their versions exist: the foreign key waits for the commit
    /// (migration 004), and the insert trigger leaves versions that already have parts alone.
    /// </summary>
    private static async Task CopyPartsAsync(NpgsqlConnection connection, Polygon[]?[] parts, CancellationToken cancellationToken)
    {
        var targets = new List<(int Ord, long VersionId)>();
        await using (var read = new NpgsqlCommand("SELECT ord, new_id FROM plan WHERE new_id IS NOT NULL ORDER BY ord", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                targets.Add((reader.GetInt32(0), reader.GetInt64(1)));
            }
        }
        await ExecuteAsync(connection, "SET CONSTRAINTS boundaries.division_parts_version_id_fkey DEFERRED", cancellationToken);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY boundaries.division_parts (version_id, geom) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (ord, versionId) in targets)
        {
            if (parts[ord] is not { } cut)
            {
                continue;
            }
            foreach (var part in cut)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(versionId, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(part, NpgsqlDbType.Geometry, cancellationToken);
            }
        }
        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// Cuts one new version's geometry and writes its parts under a version id taken now, which the caller then inserts
    /// the version with; null (nothing written) when the cutter declined, so the insert trigger cuts it.
    /// </summary>
    private static async Task<long?> SupplyPartsAsync(NpgsqlConnection connection, Geometry geometry, CancellationToken cancellationToken)
    {
        if (PolygonSubdivider.Subdivide(geometry, PartVertices, PartFactory) is not { } parts)
        {
            return null;
        }
        await ExecuteAsync(connection, "SET CONSTRAINTS boundaries.division_parts_version_id_fkey DEFERRED", cancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH id AS (SELECT nextval(pg_get_serial_sequence('boundaries.divisions', 'version_id')) AS v),
                 written AS (INSERT INTO boundaries.division_parts (version_id, geom) SELECT id.v, p FROM id, unnest($1::geometry[]) p)
            SELECT v FROM id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Geometry, Value = parts.ToArray() });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
