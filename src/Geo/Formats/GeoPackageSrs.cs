using System.Globalization;
using Boundaries.Geo.Crs;

namespace Boundaries.Geo.Formats;

/// <summary>
/// The gpkg_spatial_ref_sys rows the toolkit writes: name and OGC WKT 1 definition, in the form
/// <c>gdalsrsinfo -o wkt1 EPSG:n</c> prints (checked against GDAL 3.6 for 4490, 4326, 3857, 4527 and 4548).
/// The Gauss-Krüger zones are generated from the zone number.
/// </summary>
internal static class GeoPackageSrs
{
    private const string Cgcs2000Geogcs =
        "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],"
        + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]";

    private const string Wgs84Geogcs =
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],"
        + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]";

    /// <summary>The srs_name and WKT of a supported system; throws <see cref="ArgumentException"/> for GCJ-02/BD-09.</summary>
    public static (string Name, string Wkt) Definition(CrsCode crs) => crs.Kind switch
    {
        CrsKind.Geographic when crs.Epsg == 4490 => ("China Geodetic Coordinate System 2000",
            Cgcs2000Geogcs + ",AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4490\"]]"),
        CrsKind.Geographic => ("WGS 84",
            Wgs84Geogcs + ",AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]"),
        CrsKind.WebMercator => ("WGS 84 / Pseudo-Mercator",
            "PROJCS[\"WGS 84 / Pseudo-Mercator\"," + Wgs84Geogcs + ",AUTHORITY[\"EPSG\",\"4326\"]],PROJECTION[\"Mercator_1SP\"],"
            + "PARAMETER[\"central_meridian\",0],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],"
            + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],"
            + "EXTENSION[\"PROJ4\",\"+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs\"],"
            + "AUTHORITY[\"EPSG\",\"3857\"]]"),
        CrsKind.GaussKruger => GaussKruger(crs),
        _ => throw new ArgumentException($"{crs} has no EPSG definition; convert to EPSG:4490 before writing a GeoPackage"),
    };

    private static (string Name, string Wkt) GaussKruger(CrsCode crs)
    {
        var inv = CultureInfo.InvariantCulture;
        var cm = (int)crs.CentralMeridian;
        var name = crs.ZonePrefixed
            ? string.Create(inv, $"CGCS2000 / 3-degree Gauss-Kruger zone {crs.Zone}")
            : string.Create(inv, $"CGCS2000 / 3-degree Gauss-Kruger CM {cm}E");
        var falseEasting = crs.ZonePrefixed ? crs.Zone * 1_000_000 + 500_000 : 500_000;
        var wkt = string.Create(inv,
            $"PROJCS[\"{name}\",{Cgcs2000Geogcs},AUTHORITY[\"EPSG\",\"4490\"]],PROJECTION[\"Transverse_Mercator\"],"
            + $"PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{cm}],PARAMETER[\"scale_factor\",1],"
            + $"PARAMETER[\"false_easting\",{falseEasting}],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
            + $"AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST],AUTHORITY[\"EPSG\",\"{crs.Epsg}\"]]");
        return (name, wkt);
    }
}
