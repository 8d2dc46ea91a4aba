using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Crs;

/// <summary>
/// Converts coordinates between two supported systems (<see cref="CrsCode"/>), routing through geographic CGCS2000
/// lon/lat. Create one with <see cref="Create"/> and reuse it: it holds no per-call state and is safe to share across
/// threads.
/// </summary>
/// <remarks>
/// <para>Datums: WGS84 (EPSG:4326) is treated as identical to CGCS2000 (EPSG:4490); their realisations differ by a few
/// centimetres, which this toolkit does not model, so 4326 ↔ 4490 is the identity. Web Mercator (EPSG:3857) is computed
/// on the sphere of radius 6 378 137 m from those lon/lat, as EPSG defines it.</para>
/// <para>Gauss-Krüger uses Krüger's series to sixth order (nanometre accuracy within a zone). GCJ-02 and BD-09 use the
/// widely published offset formulas, and their inverses iterate until a round trip is within 1e-12° (well under 1 mm).
/// Coordinates are x = easting or longitude, y = northing or latitude.</para>
/// </remarks>
public sealed class CoordinateTransformer
{
    private readonly TransverseMercator? _sourceTm;
    private readonly TransverseMercator? _targetTm;

    // Set when source and target are the same zone in its two forms: only the easting shifts.
    private readonly double _eastingShift;
    private readonly bool _eastingShiftOnly;

    private CoordinateTransformer(CrsCode source, CrsCode target)
    {
        Source = source;
        Target = target;
        if (source.Kind == CrsKind.GaussKruger && target.Kind == CrsKind.GaussKruger && source.Zone == target.Zone)
        {
            _eastingShiftOnly = true;
            _eastingShift = ((target.ZonePrefixed ? 1 : 0) - (source.ZonePrefixed ? 1 : 0)) * source.Zone * 1_000_000.0;
        }
        else
        {
            _sourceTm = source.Kind == CrsKind.GaussKruger ? TransverseMercator.ForGaussKruger(source) : null;
            _targetTm = target.Kind == CrsKind.GaussKruger ? TransverseMercator.ForGaussKruger(target) : null;
        }
        IsIdentity = source == target
            || (source.Kind == CrsKind.Geographic && target.Kind == CrsKind.Geographic)
            || (_eastingShiftOnly && _eastingShift == 0);
    }

    /// <summary>The system coordinates are read in.</summary>
    public CrsCode Source { get; }

    /// <summary>The system coordinates are written in.</summary>
    public CrsCode Target { get; }

    /// <summary>True when the transformation changes no coordinate (same system, or EPSG:4326 ↔ EPSG:4490).</summary>
    public bool IsIdentity { get; }

    /// <summary>
    /// A transformer from <paramref name="source"/> to <paramref name="target"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Either code is <c>default(CrsCode)</c> (names no system).</exception>
    public static CoordinateTransformer Create(CrsCode source, CrsCode target)
    {
        if (source.Kind == 0)
        {
            throw new ArgumentException("the source names no coordinate system (default CrsCode)", nameof(source));
        }
        if (target.Kind == 0)
        {
            throw new ArgumentException("the target names no coordinate system (default CrsCode)", nameof(target));
        }
        return new CoordinateTransformer(source, target);
    }

    /// <summary>Transforms one coordinate (x = easting or longitude, y = northing or latitude).</summary>
    public (double X, double Y) Transform(double x, double y)
    {
        TransformCore(x, y, out var tx, out var ty);
        return (tx, ty);
    }

    /// <summary>
    /// Transforms interleaved pairs <c>x0, y0, x1, y1, …</c> in place, allocating nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The span has an odd length.</exception>
    public void Transform(Span<double> xy)
    {
        if ((xy.Length & 1) != 0)
        {
            throw new ArgumentException($"interleaved x,y needs an even length; got {xy.Length}", nameof(xy));
        }
        if (IsIdentity)
        {
            return;
        }
        for (var i = 0; i < xy.Length; i += 2)
        {
            TransformCore(xy[i], xy[i + 1], out xy[i], out xy[i + 1]);
        }
    }

    /// <summary>
    /// Transforms separate x and y spans of equal length in place, allocating nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Transform(Span<double> xs, Span<double> ys)
    {
        if (xs.Length != ys.Length)
        {
            throw new ArgumentException($"x and y spans differ in length ({xs.Length} and {ys.Length})", nameof(ys));
        }
        if (IsIdentity)
        {
            return;
        }
        for (var i = 0; i < xs.Length; i++)
        {
            TransformCore(xs[i], ys[i], out xs[i], out ys[i]);
        }
    }

    /// <summary>
    /// Returns a new geometry with every coordinate transformed; the input is never changed. The result's SRID is the
    /// target's EPSG code (0 for GCJ-02 and BD-09, which have none), its precision model is floating (snap it to a grid
    /// afterwards if needed), and Z/M values are carried over unchanged.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="geometry"/> is null.</exception>
    public Geometry Transform(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(
            new PrecisionModel(), Target.Epsg, geometry.Factory.CoordinateSequenceFactory);
        var copy = factory.CreateGeometry(geometry);
        if (!IsIdentity)
        {
            copy.Apply(new SequenceFilter(this));
            copy.GeometryChanged();
        }
        return copy;
    }

    /// <summary>"EPSG:a -> EPSG:b".</summary>
    public override string ToString() => $"{Source} -> {Target}";

    private void TransformCore(double x, double y, out double tx, out double ty)
    {
        if (_eastingShiftOnly)
        {
            tx = x + _eastingShift;
            ty = y;
            return;
        }
        double lon, lat;
        switch (Source.Kind)
        {
            case CrsKind.GaussKruger:
                _sourceTm!.Inverse(x, y, out lon, out lat);
                break;
            case CrsKind.WebMercator:
                WebMercatorProjection.Inverse(x, y, out lon, out lat);
                break;
            case CrsKind.Gcj02:
                Gcj02Offset.Inverse(x, y, out lon, out lat);
                break;
            case CrsKind.Bd09:
                Bd09Offset.Inverse(x, y, out lon, out lat);
                break;
            default:
                lon = x;
                lat = y;
                break;
        }
        switch (Target.Kind)
        {
            case CrsKind.GaussKruger:
                _targetTm!.Forward(lon, lat, out tx, out ty);
                break;
            case CrsKind.WebMercator:
                WebMercatorProjection.Forward(lon, lat, out tx, out ty);
                break;
            case CrsKind.Gcj02:
                Gcj02Offset.Forward(lon, lat, out tx, out ty);
                break;
            case CrsKind.Bd09:
                Bd09Offset.Forward(lon, lat, out tx, out ty);
                break;
            default:
                tx = lon;
                ty = lat;
                break;
        }
    }

    private sealed class SequenceFilter(CoordinateTransformer transformer) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            transformer.TransformCore(seq.GetX(i), seq.GetY(i), out var x, out var y);
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
