namespace Boundaries.Geo.Crs;

/// <summary>
/// The CGCS2000 ellipsoid: a = 6 378 137 m, 1/f = 298.257222101 (numerically the GRS80 ellipsoid; WGS84's
/// 1/f = 298.257223563 differs by about 1.6e-11 in f).
/// </summary>
internal static class Cgcs2000Ellipsoid
{
    /// <summary>Semi-major axis in metres.</summary>
    public const double SemiMajorAxisMeters = 6378137.0;

    /// <summary>Inverse flattening.</summary>
    public const double InverseFlattening = 298.257222101;

    /// <summary>Flattening f.</summary>
    public const double Flattening = 1.0 / InverseFlattening;

    /// <summary>Semi-minor axis b = a (1 - f) in metres.</summary>
    public const double SemiMinorAxisMeters = SemiMajorAxisMeters * (1.0 - Flattening);

    /// <summary>First eccentricity squared e² = f (2 - f).</summary>
    public const double EccentricitySquared = Flattening * (2.0 - Flattening);

    /// <summary>First eccentricity e.</summary>
    public static readonly double Eccentricity = Math.Sqrt(EccentricitySquared);

    /// <summary>Third flattening n = f / (2 - f).</summary>
    public const double ThirdFlattening = Flattening / (2.0 - Flattening);
}
