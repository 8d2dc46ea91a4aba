using System.Collections.Immutable;
using Boundaries.Geo.Crs;

namespace Boundaries.Geo.Gdal;

/// <summary>One vector layer of a dataset opened through GDAL.</summary>
/// <param name="Index">0-based position in the dataset, for <see cref="GdalVectorDataset.ReadFeatures"/>.</param>
/// <param name="Name">The layer name (a GeoPackage table, a KML folder, DXF's single <c>entities</c> layer …).</param>
/// <param name="GeometryType">GDAL's declared geometry type name, e.g. <c>Polygon</c>, <c>Unknown (any)</c>.</param>
/// <param name="Crs">The coordinate system, or <c>null</c> when the layer states none or one the toolkit does not support (then <paramref name="CrsDescription"/> is not null).</param>
/// <param name="CrsDescription">GDAL's name of the stated system (with its EPSG code when known); <c>null</c> when the layer states none.</param>
/// <param name="FeatureCount">The number of features; -1 when the driver can only count by reading them all.</param>
/// <param name="Fields">The attribute fields in order.</param>
/// <param name="StringsAsUtf8">True when GDAL recodes the layer's text to UTF-8 itself (capability <c>StringsAsUTF8</c>).</param>
public sealed record GdalLayerInfo(
    int Index,
    string Name,
    string GeometryType,
    CrsCode? Crs,
    string? CrsDescription,
    long FeatureCount,
    ImmutableArray<GdalFieldInfo> Fields,
    bool StringsAsUtf8);
