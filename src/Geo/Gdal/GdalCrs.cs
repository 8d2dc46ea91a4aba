using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;

namespace Boundaries.Geo.Gdal;

/// <summary>
/// Turns a GDAL spatial reference into the toolkit's <see cref="CrsCode"/>: the EPSG authority code when the
/// definition carries one or GDAL can identify one (OSRAutoIdentifyEPSG), else the WKT 1 matched by parameters
/// (<see cref="PrjCrsMatcher"/>, which knows the ESRI and MapInfo spellings of CGCS2000). Also says whether the
/// data's first axis is the CRS's latitude or northing, so coordinates can be put in x = lon / easting order.
/// </summary>
internal static unsafe class GdalCrs
{
    /// <summary>What one spatial reference means to the toolkit.</summary>
    /// <param name="Code">The system, or <c>null</c> when it is not one the toolkit supports.</param>
    /// <param name="Description">GDAL's name for it and its authority code when known, e.g. <c>CGCS2000 (EPSG:4490)</c>.</param>
    /// <param name="SwapAxes">True when the data stores latitude (or northing) first.</param>
    public sealed record Identified(CrsCode? Code, string Description, bool SwapAxes);

    /// <summary>Identifies <paramref name="srs"/> (a handle GDAL owns); <c>null</c> when the handle is null.</summary>
    public static Identified? Identify(nint srs)
    {
        if (srs == 0)
        {
            return null;
        }
        var name = GdalNative.Text(GdalNative.OSRGetName(srs)) ?? "unnamed";
        var epsg = EpsgOf(srs);
        if (epsg is null)
        {
            using var clone = GdalNative.OSRClone(srs);
            if (!clone.IsInvalid && GdalNative.OSRAutoIdentifyEPSG(clone) == 0)
            {
                epsg = EpsgOf(clone.DangerousGetHandle());
            }
        }
        CrsCode? code = null;
        if (epsg is { } n && CrsCode.TryFromEpsg(n, out var fromEpsg))
        {
            code = fromEpsg;
        }
        else if (Wkt(srs) is { } wkt)
        {
            code = PrjCrsMatcher.Match(wkt);
        }
        var description = epsg is { } e ? $"{name} (EPSG:{e})" : name;
        return new Identified(code, description, DataIsLatitudeFirst(srs));
    }

    private static int? EpsgOf(nint srs)
    {
        var authority = GdalNative.Text(GdalNative.OSRGetAuthorityName(srs, 0));
        var code = GdalNative.Text(GdalNative.OSRGetAuthorityCode(srs, 0));
        return string.Equals(authority, "EPSG", StringComparison.OrdinalIgnoreCase) && int.TryParse(code, out var n) ? n : null;
    }

    private static string? Wkt(nint srs)
    {
        nint text = 0;
        try
        {
            return GdalNative.OSRExportToWkt(srs, &text) == 0 ? GdalNative.Text(text) : null;
        }
        finally
        {
            if (text != 0)
            {
                GdalNative.VSIFree(text);
            }
        }
    }

    /// <summary>
    /// True when the data's x holds the CRS's first axis and that axis is latitude or northing (EPSG:4490 and the
    /// Gauss-Krüger systems are defined lat/lon and north/east); GDAL's vector drivers normally present the
    /// traditional GIS order (mapping 2,1), so this is rare.
    /// </summary>
    private static bool DataIsLatitudeFirst(nint srs)
    {
        int count;
        var mapping = GdalNative.OSRGetDataAxisToSRSAxisMapping(srs, &count);
        if (mapping is null || count < 2 || mapping[0] != 1)
        {
            return false;
        }
        return GdalNative.OSREPSGTreatsAsLatLong(srs) != 0 || GdalNative.OSREPSGTreatsAsNorthingEasting(srs) != 0;
    }
}
