using Boundaries.Geo.Crs;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Validation;

/// <summary>
/// The metric plane one coverage is checked in, and the way back to longitude/latitude. Data already in
/// Gauss-Krüger metres stays as it is; lon/lat data goes to the CGCS2000 3-degree zone of its centre, or, outside
/// China's zones (25–45), to a transverse Mercator with the same rule (central meridian the nearest multiple of 3°,
/// false easting 500 000 m) so that data from anywhere is projected near its own meridian. Every metric vertex is
/// snapped to the 1 mm grid so shared vertices are equal exactly.
/// </summary>
internal sealed partial class MetricFrame
{
    /// <summary>The grid: 1 mm.</summary>
    public const double GridScale = 1000.0;

    private readonly TransverseMercator _tm;
    private readonly bool _sourceIsMetric;

    private MetricFrame(TransverseMercator tm, bool sourceIsMetric, CrsCode lonLat, string name)
    {
        _tm = tm;
        _sourceIsMetric = sourceIsMetric;
        LonLatCrs = lonLat;
        Name = name;
    }

    /// <summary>The factory of metric geometries: fixed 1 mm precision model.</summary>
    public static GeometryFactory MetricFactory { get; } = new(new PrecisionModel(GridScale));

    /// <summary>The factory of lon/lat geometries.</summary>
    public static GeometryFactory LonLatFactory { get; } = new(new PrecisionModel(), 4490);

    /// <summary>The geographic system locations are given in.</summary>
    public CrsCode LonLatCrs { get; }

    /// <summary>The metric plane, for messages (<c>EPSG:4548</c>, or <c>TM -99°</c>).</summary>
    public string Name { get; }

    /// <summary>The frame for geometries in <paramref name="crs"/>.</summary>
    /// <exception cref="ArgumentException">The set is in a system the checker does not work in (Web Mercator, GCJ-02, BD-09).</exception>
    public static MetricFrame For(CrsCode crs, IEnumerable<Geometry> geometries)
    {
        if (crs.Kind == CrsKind.GaussKruger)
        {
            return new MetricFrame(TransverseMercator.ForGaussKruger(crs), true, CrsCode.Cgcs2000, crs.ToString());
        }
        if (crs.Kind != CrsKind.Geographic)
        {
            throw new ArgumentException($"validation works on CGCS2000/WGS84 lon/lat or Gauss-Krüger data; convert {crs} first", nameof(crs));
        }
        var envelope = new Envelope();
        foreach (var g in geometries)
        {
            envelope.ExpandToInclude(g.EnvelopeInternal);
        }
        var centre = envelope.IsNull ? 117.0 : (envelope.MinX + envelope.MaxX) / 2;
        if (envelope.Width > 180)
        {
            // Data across the antimeridian (the Aleutians): centre on the Pacific side.
            centre = CentreAcrossAntimeridian(geometries);
        }
        var zone = (int)Math.Round(centre / 3.0);
        if (zone is >= 25 and <= 45)
        {
            var gk = CrsCode.GaussKruger(zone, zonePrefixed: false);
            return new MetricFrame(TransverseMercator.ForGaussKruger(gk), false, crs, gk.ToString());
        }
        return new MetricFrame(new TransverseMercator(zone * 3.0, 500_000), false, crs, $"TM {zone * 3}°");
    }

    /// <summary>
    /// A copy of a polygonal geometry in the metric plane on the 1 mm grid, with consecutive equal vertices merged and
    /// rings oriented shell counter-clockwise, holes clockwise. Rings left with fewer than 4 points are dropped and
    /// counted in <paramref name="collapsedRings"/>; a polygon whose shell collapses is dropped whole.
    /// </summary>
    public Geometry ToMetric(Geometry geometry, out int collapsedRings) => Convert(geometry, !_sourceIsMetric, out collapsedRings);

    /// <summary>A copy of any geometry (lines, points) of the source data in the metric plane, not snapped.</summary>
    public Geometry AnyToMetric(Geometry geometry)
    {
        var copy = MetricFactory.CreateGeometry(geometry);
        if (!_sourceIsMetric)
        {
            copy.Apply(new ForwardFilter(_tm));
            copy.GeometryChanged();
        }
        return copy;
    }

    /// <summary>A metric geometry (a repaired one) snapped and oriented as <see cref="ToMetric"/> does.</summary>
    public static Geometry Reoriented(Geometry metric) => Identity.Convert(metric, false, out _);

    private static readonly MetricFrame Identity = new(new TransverseMercator(0, 0), true, CrsCode.Cgcs2000, "metric");

    private Geometry Convert(Geometry geometry, bool project, out int collapsedRings)
    {
        var collapsed = 0;
        var polygons = new List<Polygon>(geometry.NumGeometries);
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon p || p.IsEmpty)
            {
                continue;
            }
            var shell = Ring(p.ExteriorRing.CoordinateSequence, project, counterClockwise: true);
            if (shell is null)
            {
                collapsed += 1 + p.NumInteriorRings;
                continue;
            }
            var holes = new List<LinearRing>(p.NumInteriorRings);
            for (var h = 0; h < p.NumInteriorRings; h++)
            {
                if (Ring(p.GetInteriorRingN(h).CoordinateSequence, project, counterClockwise: false) is { } hole)
                {
                    holes.Add(hole);
                }
                else
                {
                    collapsed++;
                }
            }
            polygons.Add(MetricFactory.CreatePolygon(shell, [.. holes]));
        }
        collapsedRings = collapsed;
        return polygons.Count == 1 ? polygons[0] : MetricFactory.CreateMultiPolygon([.. polygons]);
    }

    /// <summary>A metric point in the source system of the data.</summary>
    public Coordinate ToSource(Coordinate metric)
    {
        if (_sourceIsMetric)
        {
            return metric.Copy();
        }
        _tm.Inverse(metric.X, metric.Y, out var lon, out var lat);
        return new Coordinate(WrapNear(lon, 0), lat);
    }

    /// <summary>A copy of a geometry of the source data in longitude/latitude.</summary>
    public Geometry SourceToLonLat(Geometry source)
    {
        if (_sourceIsMetric)
        {
            return ToLonLat(source);
        }
        var copy = LonLatFactory.CreateGeometry(source);
        copy.SRID = LonLatCrs.Epsg;
        return copy;
    }

    /// <summary>A copy of a metric geometry in longitude/latitude.</summary>
    public Geometry ToLonLat(Geometry metric)
    {
        var copy = LonLatFactory.CreateGeometry(metric);
        copy.SRID = LonLatCrs.Epsg;
        copy.Apply(new InverseFilter(_tm));
        copy.GeometryChanged();
        return copy;
    }

    private LinearRing? Ring(CoordinateSequence sequence, bool project, bool counterClockwise)
    {
        var n = sequence.Count;
        var xy = new double[2 * n];
        for (var i = 0; i < n; i++)
        {
            xy[2 * i] = sequence.GetX(i);
            xy[2 * i + 1] = sequence.GetY(i);
        }
        if (project)
        {
            _tm.Forward(xy);
        }
        var coordinates = new List<Coordinate>(n);
        for (var i = 0; i < n; i++)
        {
            var c = new Coordinate(Math.Round(xy[2 * i] * GridScale) / GridScale, Math.Round(xy[2 * i + 1] * GridScale) / GridScale);
            if (coordinates.Count == 0 || !coordinates[^1].Equals2D(c))
            {
                coordinates.Add(c);
            }
        }
        if (coordinates.Count > 0 && !coordinates[0].Equals2D(coordinates[^1]))
        {
            coordinates.Add(coordinates[0].Copy());
        }
        if (coordinates.Count < 4)
        {
            return null;
        }
        var array = coordinates.ToArray();
        if (NetTopologySuite.Algorithm.Orientation.IsCCW(array) != counterClockwise)
        {
            Array.Reverse(array);
        }
        return MetricFactory.CreateLinearRing(array);
    }

    /// <summary>The longitude, plus or minus 360°, that lies within 180° of <paramref name="meridian"/>.</summary>
    private static double WrapNear(double lon, double meridian) =>
        lon - meridian > 180 ? lon - 360 : lon - meridian < -180 ? lon + 360 : lon;

    // TransverseMercator.Forward reduces lon - lon0 to ±180° itself; only the inverse needs wrapping back.
    private static double CentreAcrossAntimeridian(IEnumerable<Geometry> geometries)
    {
        var (min, max) = (double.MaxValue, double.MinValue);
        foreach (var g in geometries)
        {
            foreach (var c in g.Coordinates)
            {
                var east = c.X < 0 ? c.X + 360 : c.X;
                (min, max) = (Math.Min(min, east), Math.Max(max, east));
            }
        }
        var centre = (min + max) / 2;
        return centre > 180 ? centre - 360 : centre;
    }

    private sealed class ForwardFilter(TransverseMercator tm) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            tm.Forward(seq.GetX(i), seq.GetY(i), out var x, out var y);
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }

    private sealed class InverseFilter(TransverseMercator tm) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            tm.Inverse(seq.GetX(i), seq.GetY(i), out var lon, out var lat);
            seq.SetX(i, WrapNear(lon, 0));
            seq.SetY(i, lat);
        }
    }
}
