namespace Boundaries.Geo.Import;

/// <summary>Where the coordinate system of imported data came from.</summary>
public enum CrsSource
{
    /// <summary>The file said it (.prj, GeoPackage srs_id, GeoJSON's RFC 7946 default or its crs member).</summary>
    Stated = 1,
    /// <summary>The caller said it (<c>--from</c>).</summary>
    Given = 2,
    /// <summary>Decided from the coordinate ranges (<see cref="Crs.CrsDetector"/>).</summary>
    Detected = 3,
}
