namespace Boundaries.Geo.Crs;

/// <summary>The family of a coordinate system the toolkit reads and writes.</summary>
public enum CrsKind
{
    /// <summary>Geographic lon/lat in degrees: CGCS2000 (EPSG:4490) or WGS84 (EPSG:4326).</summary>
    Geographic = 1,
    /// <summary>CGCS2000 3-degree Gauss-Krüger metres, easting first (EPSG:4513–4554).</summary>
    GaussKruger = 2,
    /// <summary>Spherical Web Mercator metres (EPSG:3857).</summary>
    WebMercator = 3,
    /// <summary>GCJ-02, the obfuscated lon/lat of Chinese consumer maps (Amap, Tencent); no EPSG code.</summary>
    Gcj02 = 4,
    /// <summary>BD-09, Baidu's lon/lat, GCJ-02 shifted again; no EPSG code.</summary>
    Bd09 = 5,
}
