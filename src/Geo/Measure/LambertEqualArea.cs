using Boundaries.Geo.Crs;

namespace Boundaries.Geo.Measure;

/// <summary>
/// Oblique Lambert azimuthal equal-area projection of the CGCS2000 ellipsoid (EPSG method 9820, IOGP Guidance Note
/// 7-2 §3.2.4), through the authalic latitude β. Equal-area exactly: a plane area equals the ellipsoidal area of the
/// preimage. Centred near the figure measured, geodesics map to nearly straight lines.
/// </summary>
internal sealed class LambertEqualArea
{
    private const double Deg = Math.PI / 180.0;
    private const double A = Cgcs2000Ellipsoid.SemiMajorAxisMeters;
    private const double E2 = Cgcs2000Ellipsoid.EccentricitySquared;
    private static readonly double E = Cgcs2000Ellipsoid.Eccentricity;
    private static readonly double QPole = Q(1.0);
    private static readonly double Rq = A * Math.Sqrt(QPole / 2);

    /// <summary>The authalic radius R_q: the sphere of the ellipsoid's area.</summary>
    public static double AuthalicRadiusMeters => Rq;

    private readonly double _lon0;
    private readonly double _sinBeta0;
    private readonly double _cosBeta0;
    private readonly double _d;

    /// <summary>A projection centred on (lon0, lat0) in degrees.</summary>
    public LambertEqualArea(double lon0, double lat0)
    {
        _lon0 = lon0;
        var sinPhi0 = Math.Sin(lat0 * Deg);
        (_sinBeta0, _cosBeta0) = AuthalicSinCos(sinPhi0);
        _d = A * (Math.Cos(lat0 * Deg) / Math.Sqrt(1 - E2 * sinPhi0 * sinPhi0)) / (Rq * _cosBeta0);
    }

    /// <summary>Lon/lat in degrees to plane metres.</summary>
    public void Forward(double lon, double lat, out double x, out double y)
    {
        var (sinBeta, cosBeta) = AuthalicSinCos(Math.Sin(lat * Deg));
        var (sinDl, cosDl) = Math.SinCos(Math.IEEERemainder(lon - _lon0, 360.0) * Deg);
        var b = Rq * Math.Sqrt(2 / (1 + _sinBeta0 * sinBeta + _cosBeta0 * cosBeta * cosDl));
        x = b * _d * cosBeta * sinDl;
        y = b / _d * (_cosBeta0 * sinBeta - _sinBeta0 * cosBeta * cosDl);
    }

    private static (double Sin, double Cos) AuthalicSinCos(double sinPhi)
    {
        var sinBeta = Math.Clamp(Q(sinPhi) / QPole, -1.0, 1.0);
        return (sinBeta, Math.Sqrt(1 - sinBeta * sinBeta));
    }

    /// <summary>q(φ) = (1 − e²) [sinφ / (1 − e² sin²φ) + atanh(e sinφ) / e].</summary>
    private static double Q(double sinPhi) =>
        (1 - E2) * (sinPhi / (1 - E2 * sinPhi * sinPhi) + Math.Atanh(E * sinPhi) / E);
}
