using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Vectorize;

namespace Boundaries.Geo.Gdal;

/// <summary>
/// Features of any geometry type read through GDAL for the vectorizer's inputs (boundary lines, label points) and
/// for survey imports: every layer in order, two-dimensional, attributes by field name (any case). A DXF is opened
/// with block references as points (<see cref="GdalVectorDataset.DxfBlocksAsPoints"/>) and each block attribute
/// (ATTRIB, "TAG value") becomes an attribute named by its tag, unless the feature already has a value under that
/// name; so an INSERT whose attribute CODE holds 120101001 reads as a point with <c>code = 120101001</c>.
/// </summary>
internal static class GdalFeatureSource
{
    /// <summary>The DXF string-list field that holds an INSERT's block attributes.</summary>
    public const string BlockAttributesField = "BlockAttributes";

    /// <summary>Reads every feature with a geometry.</summary>
    /// <param name="path">The dataset.</param>
    /// <param name="crs">The coordinate system, overriding the file's; <c>null</c> = the file's.</param>
    /// <returns>The features, their coordinate system, and GDAL's driver name.</returns>
    /// <exception cref="BoundariesFormatException">
    /// GDAL cannot read it, its layers disagree on the coordinate system, or it states none and <paramref name="crs"/> is null.
    /// </exception>
    public static (List<VectorFeature> Features, CrsCode Crs, string Driver) Read(string path, CrsCode? crs)
    {
        var config = string.Equals(Path.GetExtension(path), ".dxf", StringComparison.OrdinalIgnoreCase) ? GdalVectorDataset.DxfBlocksAsPoints : null;
        using var dataset = GdalVectorDataset.Open(path, null, config);
        var stated = GdalDivisionReader.LayerCrs(dataset, path);
        var used = crs ?? stated ?? throw new BoundariesFormatException(
            $"the file states no coordinate system ({dataset.Driver} drawings seldom do); give it with --from, e.g. EPSG:4548 for Gauss-Krüger 3° zone 39 metres",
            path, field: "crs");
        var features = new List<VectorFeature>();
        long index = 0;
        foreach (var layer in dataset.Layers)
        {
            foreach (var feature in dataset.ReadFeaturesCore(layer.Index, twoDimensional: true, listsAsArrays: true))
            {
                if (feature.Geometry is { IsEmpty: false } geometry)
                {
                    features.Add(new VectorFeature(index, geometry, Attributes(feature.Attributes)));
                }
                index++;
            }
        }
        return (features, used, dataset.Driver);
    }

    /// <summary>Fields by name (any case), lists as text, block attributes as fields named by their tags.</summary>
    internal static Dictionary<string, object?> Attributes(ImmutableArray<KeyValuePair<string, object?>> fields)
    {
        var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        ImmutableArray<string> blockAttributes = [];
        foreach (var (name, value) in fields)
        {
            if (value is ImmutableArray<string> list)
            {
                if (string.Equals(name, BlockAttributesField, StringComparison.OrdinalIgnoreCase))
                {
                    blockAttributes = list;
                }
                attributes[name] = string.Join(',', list);
            }
            else
            {
                attributes[name] = value;
            }
        }
        foreach (var item in blockAttributes)
        {
            // GDAL writes each attribute as its tag, one space, and its text (which may contain spaces or be empty)
            var space = item.IndexOf(' ', StringComparison.Ordinal);
            var tag = space < 0 ? item : item[..space];
            var text = space < 0 ? "" : item[(space + 1)..];
            if (tag.Length > 0 && (!attributes.TryGetValue(tag, out var existing) || existing is null or ""))
            {
                attributes[tag] = text;
            }
        }
        return attributes;
    }
}
