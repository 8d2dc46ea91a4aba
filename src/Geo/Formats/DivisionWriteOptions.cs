namespace Boundaries.Geo.Formats;

/// <summary>Options for <see cref="DivisionFiles.Write"/>.</summary>
public sealed record DivisionWriteOptions
{
    /// <summary>All defaults.</summary>
    public static DivisionWriteOptions Default { get; } = new();

    /// <summary>
    /// Write a (pre-RFC 7946) <c>crs</c> member naming the set's EPSG code in GeoJSON output even when the set is
    /// lon/lat. Default <c>false</c>: lon/lat sets are written as plain RFC 7946; a projected set (Gauss-Krüger,
    /// Web Mercator) always gets the member, since its coordinates would otherwise be misread as lon/lat.
    /// </summary>
    public bool GeoJsonCrsMember { get; init; }

    /// <summary>Start a CSV file with a UTF-8 byte-order mark (some spreadsheet programs need it). Default <c>false</c>.</summary>
    public bool CsvUtf8Bom { get; init; }
}
