using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Vectorize;

/// <summary>Collects findings, turning their metric locations into CGCS2000 lon/lat.</summary>
internal sealed class FindingSink(CoordinateTransformer toLonLat)
{
    private readonly ImmutableArray<VectorizeFinding>.Builder _findings = ImmutableArray.CreateBuilder<VectorizeFinding>();

    public void Add(VectorizeFindingCode code, VectorizeSeverity severity, string message, Geometry? metricLocation, IEnumerable<string>? codes, double measure, long? value = null)
    {
        Geometry? location = null;
        if (metricLocation is { IsEmpty: false })
        {
            location = toLonLat.Transform(metricLocation);
            location.SRID = CrsCode.Cgcs2000.Epsg;
        }
        _findings.Add(new VectorizeFinding(code, severity, message, location, codes is null ? [] : [.. codes], measure, value));
    }

    public ImmutableArray<VectorizeFinding> ToImmutable() => _findings.ToImmutable();
}
