using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Survey.Conflate;

/// <summary>
/// The Gauss-Krüger plane lines are moved in, on the 1 mm grid: the divisions' own system when they are in Gauss-Krüger
/// metres, else the CGCS2000 3-degree zone of their data; the way there from the divisions and from lon/lat, and back.
/// </summary>
internal sealed class ConflationPlane
{
    private const double Grid = 1000.0;
    private readonly CoordinateTransformer fromDivisions;
    private readonly CoordinateTransformer toDivisions;

    private ConflationPlane(CrsCode divisionCrs, CrsCode metric)
    {
        Crs = metric;
        fromDivisions = CoordinateTransformer.Create(divisionCrs, metric);
        toDivisions = CoordinateTransformer.Create(metric, divisionCrs);
        FromLonLat = CoordinateTransformer.Create(CrsCode.Cgcs2000, metric);
    }

    public CrsCode Crs { get; }

    public CoordinateTransformer FromLonLat { get; }

    /// <exception cref="ArgumentException">The divisions are neither lon/lat nor Gauss-Krüger.</exception>
    public static ConflationPlane For(DivisionSet divisions) => divisions.Crs.Kind switch
    {
        CrsKind.GaussKruger => new ConflationPlane(divisions.Crs, divisions.Crs),
        CrsKind.Geographic => new ConflationPlane(divisions.Crs, GaussKrugerZone.MetricCrsFor(divisions.Divisions.Select(d => d.Geometry))),
        _ => throw new ArgumentException($"conflation works on lon/lat or Gauss-Krüger divisions, not {divisions.Crs}", nameof(divisions)),
    };

    /// <summary>The grid key of a division vertex.</summary>
    public (long, long) KeyOfDivisionVertex(Coordinate c)
    {
        var (e, n) = fromDivisions.IsIdentity ? (c.X, c.Y) : fromDivisions.Transform(c.X, c.Y);
        return Key(e, n);
    }

    /// <summary>A metric point on the grid.</summary>
    public static Coordinate Snap(double e, double n) => new(Math.Round(e * Grid) / Grid, Math.Round(n * Grid) / Grid);

    public static (long, long) Key(double e, double n) => ((long)Math.Round(e * Grid), (long)Math.Round(n * Grid));

    /// <summary>A metric point as a vertex in the divisions' system.</summary>
    public Coordinate ToDivisions(Coordinate metric)
    {
        if (toDivisions.IsIdentity)
        {
            return new Coordinate(metric.X, metric.Y);
        }
        var (x, y) = toDivisions.Transform(metric.X, metric.Y);
        return new Coordinate(x, y);
    }
}
