namespace Boundaries.Geo.Crs;

/// <summary>
/// What <see cref="CrsDetector.Detect"/> concluded from coordinate ranges.
/// </summary>
/// <param name="Crs">The system the coordinates are in, or null when it cannot be decided (see <paramref name="Ambiguity"/>).</param>
/// <param name="AxesSwapped">True when the first coordinate looks like latitude/northing and the second like
/// longitude/easting: swap them before using <paramref name="Crs"/>. Also set on an ambiguous result when the swap is
/// clear but the system is not.</param>
/// <param name="Ambiguity">Null when <paramref name="Crs"/> is known; otherwise an English sentence saying why it is
/// not and what to pass (for example <c>--from EPSG:4548</c>).</param>
/// <param name="Reason">A short English account of the ranges that led to the conclusion.</param>
public sealed record CrsDetection(CrsCode? Crs, bool AxesSwapped, string? Ambiguity, string Reason)
{
    /// <summary>True when no system could be decided.</summary>
    public bool IsAmbiguous => Crs is null;
}
