using Boundaries.Geo.Crs;

namespace Boundaries.Geo.Measure;

/// <summary>
/// Geodesics on the CGCS2000 ellipsoid by Vincenty's inverse and direct formulae (T. Vincenty, "Direct and inverse
/// solutions of geodesics on the ellipsoid with application of nested equations", Survey Review 23 (1975) 88–93).
/// Accurate to well under a millimetre for any line that is not nearly antipodal; nearly antipodal lines (which no
/// administrative boundary has) may not converge and then return the last iterate.
/// </summary>
internal static class Geodesic
{
    private const double Deg = Math.PI / 180.0;
    private const double A = Cgcs2000Ellipsoid.SemiMajorAxisMeters;
    private const double B = Cgcs2000Ellipsoid.SemiMinorAxisMeters;
    private const double F = Cgcs2000Ellipsoid.Flattening;
    private const double SecondEccentricitySquared = (A * A - B * B) / (B * B);

    /// <summary>The geodesic distance in metres and the forward azimuth at the first point (radians, clockwise from north).</summary>
    public static double Inverse(double lon1, double lat1, double lon2, double lat2, out double azimuth1)
    {
        var (sinU1, cosU1) = ReducedLatitude(lat1);
        var (sinU2, cosU2) = ReducedLatitude(lat2);
        return Inverse(lon1, sinU1, cosU1, lon2, sinU2, cosU2, out azimuth1);
    }

    /// <summary>
    /// The geodesic distance in metres between two points given by longitude (degrees) and the sine and cosine of their
    /// reduced latitudes (<see cref="ReducedLatitude"/>), for callers that measure many segments through the same points.
    /// </summary>
    public static double Distance(double lon1, double sinU1, double cosU1, double lon2, double sinU2, double cosU2) =>
        Inverse(lon1, sinU1, cosU1, lon2, sinU2, cosU2, out _);

    private static double Inverse(double lon1, double sinU1, double cosU1, double lon2, double sinU2, double cosU2, out double azimuth1)
    {
        var l = Math.IEEERemainder(lon2 - lon1, 360.0) * Deg;
        var lambda = l;
        double sinLambda, cosLambda, sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM;
        var iterations = 0;
        while (true)
        {
            (sinLambda, cosLambda) = Math.SinCos(lambda);
            var t1 = cosU2 * sinLambda;
            var t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
            sinSigma = Math.Sqrt(t1 * t1 + t2 * t2);
            if (sinSigma == 0)
            {
                azimuth1 = 0;
                return 0;
            }
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cos2Alpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cos2Alpha != 0 ? cosSigma - 2 * sinU1 * sinU2 / cos2Alpha : 0;
            var c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
            var previous = lambda;
            lambda = l + (1 - c) * F * sinAlpha
                * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.Abs(lambda - previous) < 1e-13 || ++iterations >= 200)
            {
                break;
            }
        }
        var u2 = cos2Alpha * SecondEccentricitySquared;
        var (bigA, bigB) = SeriesAB(u2);
        var deltaSigma = DeltaSigma(bigB, sinSigma, cosSigma, cos2SigmaM);
        azimuth1 = Math.Atan2(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda);
        return B * bigA * (sigma - deltaSigma);
    }

    /// <summary>The geodesic distance in metres between two lon/lat points (degrees).</summary>
    public static double Distance(double lon1, double lat1, double lon2, double lat2) =>
        Inverse(lon1, lat1, lon2, lat2, out _);

    /// <summary>The point at <paramref name="distance"/> metres from (lon1, lat1) along azimuth <paramref name="azimuth1"/> (radians).</summary>
    public static void Direct(double lon1, double lat1, double azimuth1, double distance, out double lon2, out double lat2)
    {
        var (sinAlpha1, cosAlpha1) = Math.SinCos(azimuth1);
        var (sinU1, cosU1) = ReducedLatitude(lat1);
        var sigma1 = Math.Atan2(sinU1 / cosU1, cosAlpha1);
        var sinAlpha = cosU1 * sinAlpha1;
        var cos2Alpha = 1 - sinAlpha * sinAlpha;
        var (bigA, bigB) = SeriesAB(cos2Alpha * SecondEccentricitySquared);
        var sigma0 = distance / (B * bigA);
        var sigma = sigma0;
        double sinSigma, cosSigma, cos2SigmaM;
        var iterations = 0;
        while (true)
        {
            cos2SigmaM = Math.Cos(2 * sigma1 + sigma);
            (sinSigma, cosSigma) = Math.SinCos(sigma);
            var previous = sigma;
            sigma = sigma0 + DeltaSigma(bigB, sinSigma, cosSigma, cos2SigmaM);
            if (Math.Abs(sigma - previous) < 1e-13 || ++iterations >= 200)
            {
                break;
            }
        }
        (sinSigma, cosSigma) = Math.SinCos(sigma);
        cos2SigmaM = Math.Cos(2 * sigma1 + sigma);
        var x = sinU1 * sinSigma - cosU1 * cosSigma * cosAlpha1;
        var phi2 = Math.Atan2(sinU1 * cosSigma + cosU1 * sinSigma * cosAlpha1, (1 - F) * Math.Sqrt(sinAlpha * sinAlpha + x * x));
        var lambda = Math.Atan2(sinSigma * sinAlpha1, cosU1 * cosSigma - sinU1 * sinSigma * cosAlpha1);
        var c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
        var l = lambda - (1 - c) * F * sinAlpha
            * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
        lon2 = lon1 + l / Deg;
        lat2 = phi2 / Deg;
    }

    /// <summary>Sine and cosine of the reduced latitude β, tan β = (1 − f) tan φ.</summary>
    public static (double Sin, double Cos) ReducedLatitude(double latDegrees)
    {
        var tanU = (1 - F) * Math.Tan(latDegrees * Deg);
        var cosU = 1 / Math.Sqrt(1 + tanU * tanU);
        return (tanU * cosU, cosU);
    }

    private static (double A, double B) SeriesAB(double u2)
    {
        var a = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
        var b = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
        return (a, b);
    }

    private static double DeltaSigma(double b, double sinSigma, double cosSigma, double cos2SigmaM) =>
        b * sinSigma * (cos2SigmaM + b / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
            - b / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
}
