using System.Collections.Immutable;
using Boundaries.Geo.Model;

namespace Boundaries.Geo.Formats;

/// <summary>
/// What <see cref="DivisionFiles.Read"/> found in a file.
/// </summary>
/// <param name="Set">The divisions, in the file's own coordinates, with the coordinate system found.</param>
/// <param name="CrsStated">
/// <c>true</c> when the file (or <see cref="DivisionReadOptions.Crs"/>) stated the coordinate system;
/// <c>false</c> when <see cref="DivisionSet.Crs"/> is only the format's default (EPSG:4490 for GeoJSON and CSV,
/// shapefiles without .prj, GeoPackage layers with an undefined srs): the caller should then detect the system
/// from the coordinate ranges.
/// </param>
/// <param name="Format">The format read: <c>geojson</c>, <c>gpkg</c>, <c>shp</c>, <c>csv</c>, or <c>gdal:</c> and the GDAL driver (<c>gdal:DXF</c>, <c>gdal:KML</c> …).</param>
/// <param name="Notes">
/// Decisions the reader took that the user should see, in English, e.g. which text encoding a shapefile was read
/// with and why, or that a .cpg file contradicted the bytes. Empty when there is nothing to say.
/// </param>
public sealed record DivisionReadResult(DivisionSet Set, bool CrsStated, string Format, ImmutableArray<string> Notes);
