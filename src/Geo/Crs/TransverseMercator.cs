namespace Boundaries.Geo.Crs;

/// <summary>
/// Transverse Mercator (Gauss-Krüger) on the CGCS2000 ellipsoid by Krüger's n-series to sixth order, as given in
/// C. F. F. Karney, "Transverse Mercator with an accuracy of a few nanometres", J. Geodesy 85 (2011) 475–485,
/// eqs. (7)–(11), (35)–(36). Within a few thousand kilometres of the central meridian the error is a few nanometres,
/// far below the 1 mm grid the toolkit works on. Sums are evaluated with Clenshaw's recurrence on complex numbers;
/// the inverse solves for the conformal latitude with Newton's method (Karney's <c>tauf</c>).
/// </summary>
/// <remarks>Longitude and latitude are in degrees, easting and northing in metres; latitude must be in (-90, 90).</remarks>
internal sealed class TransverseMercator
{
    private const double Deg = Math.PI / 180.0;

    private static readonly double E = Cgcs2000Ellipsoid.Eccentricity;
    private static readonly double E2m = 1.0 - Cgcs2000Ellipsoid.EccentricitySquared;

    // Rectifying radius A = a / (1 + n) (1 + n²/4 + n⁴/64 + n⁶/256).
    private static readonly double RectifyingRadius;

    // α_j (forward) and β_j (inverse), j = 1..6, index 0 unused.
    private static readonly double[] Alpha = new double[7];
    private static readonly double[] Beta = new double[7];

    private readonly double _lon0;
    private readonly double _falseEasting;
    private readonly double _falseNorthing;
    private readonly double _kA;

#pragma warning disable CA1810 // the coefficients depend on each other; a static constructor keeps them readable
    static TransverseMercator()
#pragma warning restore CA1810
    {
        var n = Cgcs2000Ellipsoid.ThirdFlattening;
        double n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n;
        RectifyingRadius = Cgcs2000Ellipsoid.SemiMajorAxisMeters / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256);

        Alpha[1] = n / 2 - 2.0 / 3 * n2 + 5.0 / 16 * n3 + 41.0 / 180 * n4 - 127.0 / 288 * n5 + 7891.0 / 37800 * n6;
        Alpha[2] = 13.0 / 48 * n2 - 3.0 / 5 * n3 + 557.0 / 1440 * n4 + 281.0 / 630 * n5 - 1983433.0 / 1935360 * n6;
        Alpha[3] = 61.0 / 240 * n3 - 103.0 / 140 * n4 + 15061.0 / 26880 * n5 + 167603.0 / 181440 * n6;
        Alpha[4] = 49561.0 / 161280 * n4 - 179.0 / 168 * n5 + 6601661.0 / 7257600 * n6;
        Alpha[5] = 34729.0 / 80640 * n5 - 3418889.0 / 1995840 * n6;
        Alpha[6] = 212378941.0 / 319334400 * n6;

        Beta[1] = n / 2 - 2.0 / 3 * n2 + 37.0 / 96 * n3 - 1.0 / 360 * n4 - 81.0 / 512 * n5 + 96199.0 / 604800 * n6;
        Beta[2] = 1.0 / 48 * n2 + 1.0 / 15 * n3 - 437.0 / 1440 * n4 + 46.0 / 105 * n5 - 1118711.0 / 3870720 * n6;
        Beta[3] = 17.0 / 480 * n3 - 37.0 / 840 * n4 - 209.0 / 4480 * n5 + 5569.0 / 90720 * n6;
        Beta[4] = 4397.0 / 161280 * n4 - 11.0 / 504 * n5 - 830251.0 / 7257600 * n6;
        Beta[5] = 4583.0 / 161280 * n5 - 108847.0 / 3991680 * n6;
        Beta[6] = 20648693.0 / 638668800 * n6;
    }

    /// <summary>A projection with the given central meridian (degrees), false easting/northing (metres) and scale k0.</summary>
    public TransverseMercator(double centralMeridianDegrees, double falseEastingMeters, double falseNorthingMeters = 0, double scaleFactor = 1)
    {
        _lon0 = centralMeridianDegrees;
        _falseEasting = falseEastingMeters;
        _falseNorthing = falseNorthingMeters;
        _kA = scaleFactor * RectifyingRadius;
    }

    /// <summary>The CGCS2000 3-degree Gauss-Krüger system <paramref name="code"/> (EPSG:4513–4554).</summary>
    public static TransverseMercator ForGaussKruger(CrsCode code)
    {
        if (code.Kind != CrsKind.GaussKruger)
        {
            throw new ArgumentException($"{code} is not a Gauss-Krüger system", nameof(code));
        }
        var falseEasting = 500000.0 + (code.ZonePrefixed ? code.Zone * 1_000_000.0 : 0.0);
        return new TransverseMercator(code.CentralMeridian, falseEasting);
    }

    /// <summary>Longitude/latitude in degrees to easting/northing in metres.</summary>
    public void Forward(double lon, double lat, out double easting, out double northing)
    {
        var lam = Math.IEEERemainder(lon - _lon0, 360.0) * Deg;
        var tau = Math.Tan(lat * Deg);
        var taup = Taup(tau);
        var (sinLam, cosLam) = Math.SinCos(lam);
        var xip = Math.Atan2(taup, cosLam);
        var etap = Math.Asinh(sinLam / Math.Sqrt(taup * taup + cosLam * cosLam));
        Clenshaw(Alpha, xip, etap, out var dXi, out var dEta);
        easting = _falseEasting + _kA * (etap + dEta);
        northing = _falseNorthing + _kA * (xip + dXi);
    }

    /// <summary>Easting/northing in metres to longitude/latitude in degrees.</summary>
    public void Inverse(double easting, double northing, out double lon, out double lat)
    {
        var xi = (northing - _falseNorthing) / _kA;
        var eta = (easting - _falseEasting) / _kA;
        Clenshaw(Beta, xi, eta, out var dXi, out var dEta);
        var xip = xi - dXi;
        var etap = eta - dEta;
        var s = Math.Sinh(etap);
        var (sinXip, cosXip) = Math.SinCos(xip);
        var r = Math.Sqrt(s * s + cosXip * cosXip);
        var taup = sinXip / r;
        var tau = Tau(taup);
        lat = Math.Atan(tau) / Deg;
        lon = _lon0 + Math.Atan2(s, cosXip) / Deg;
    }

    /// <summary>Projects interleaved lon/lat pairs in place to easting/northing.</summary>
    public void Forward(Span<double> xy)
    {
        for (var i = 0; i + 1 < xy.Length; i += 2)
        {
            Forward(xy[i], xy[i + 1], out xy[i], out xy[i + 1]);
        }
    }

    /// <summary>Unprojects interleaved easting/northing pairs in place to lon/lat.</summary>
    public void Inverse(Span<double> xy)
    {
        for (var i = 0; i + 1 < xy.Length; i += 2)
        {
            Inverse(xy[i], xy[i + 1], out xy[i], out xy[i + 1]);
        }
    }

    /// <summary>tan of the conformal latitude from tan of the geodetic latitude (Karney 2011, eqs. 7–9).</summary>
    private static double Taup(double tau)
    {
        var tau1 = Math.Sqrt(1 + tau * tau);
        var sig = Math.Sinh(E * Math.Atanh(E * tau / tau1));
        return Math.Sqrt(1 + sig * sig) * tau - sig * tau1;
    }

    /// <summary>Inverts <see cref="Taup"/> by Newton's method (Karney 2011, eqs. 19–21).</summary>
    private static double Tau(double taup)
    {
        var tau = taup / E2m;
        var tolerance = 1.5e-9 * Math.Max(1.0, Math.Abs(taup));
        for (var i = 0; i < 6; i++)
        {
            var taupa = Taup(tau);
            var dtau = (taup - taupa) * (1 + E2m * tau * tau) / (E2m * Math.Sqrt(1 + tau * tau) * Math.Sqrt(1 + taupa * taupa));
            tau += dtau;
            if (Math.Abs(dtau) < tolerance)
            {
                break;
            }
        }
        return tau;
    }

    /// <summary>
    /// Σ c_j sin(2jζ) for ζ = ξ + iη, j = 1..6, by Clenshaw's recurrence b_k = c_k + 2cos(2ζ) b_{k+1} − b_{k+2},
    /// sum = b_1 sin(2ζ); returns the real and imaginary parts.
    /// </summary>
    private static void Clenshaw(double[] c, double xi, double eta, out double re, out double im)
    {
        var (s2, c2) = Math.SinCos(2 * xi);
        var ex = Math.Exp(2 * eta);
        var inv = 1 / ex;
        var sh2 = (ex - inv) / 2;
        var ch2 = (ex + inv) / 2;
        var ar = 2 * c2 * ch2;
        var ai = -2 * s2 * sh2;
        double b1r = 0, b1i = 0, b2r = 0, b2i = 0;
        for (var k = 6; k >= 1; k--)
        {
            var br = c[k] + ar * b1r - ai * b1i - b2r;
            var bi = ar * b1i + ai * b1r - b2i;
            b2r = b1r;
            b2i = b1i;
            b1r = br;
            b1i = bi;
        }
        var sr = s2 * ch2;
        var si = c2 * sh2;
        re = b1r * sr - b1i * si;
        im = b1r * si + b1i * sr;
    }
}
