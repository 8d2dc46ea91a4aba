using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;

namespace Boundaries.Cli.Commands;

/// <summary>What <c>info</c> reports; serialized as the JSON contract (<c>crs</c>, <c>vertices</c>, <c>levels</c> …).</summary>
internal sealed record DivisionSummary(
    string File,
    string Format,
    string Crs,
    string CrsSource,
    int Divisions,
    long Vertices,
    Dictionary<string, int> Levels,
    double[]? Extent,
    string? MetricCrs)
{
    public static DivisionSummary Of(ImportedDivisions imported)
    {
        var set = imported.Set;
        var levels = new Dictionary<string, int>(StringComparer.Ordinal); // top-down: CountByLevel is sorted by level
        foreach (var (level, count) in set.CountByLevel())
        {
            levels[level.Name()] = count;
        }
        double[]? extent = null;
        string? metric = null;
        if (set.Divisions.Length > 0)
        {
            var lonLat = imported.In(CrsCode.Cgcs2000);
            var envelope = new NetTopologySuite.Geometries.Envelope();
            foreach (var d in lonLat.Divisions)
            {
                envelope.ExpandToInclude(d.Geometry.EnvelopeInternal);
            }
            extent = [envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY];
            metric = CrsCode.GaussKruger(GaussKrugerZone.ForEnvelope(envelope), false).ToString();
        }
        return new DivisionSummary(
            imported.Path,
            imported.Format,
            set.Crs.ToString(),
            imported.CrsSource.ToString().ToLowerInvariant(),
            set.Divisions.Length,
            set.VertexCount(),
            levels,
            extent,
            metric);
    }
}
