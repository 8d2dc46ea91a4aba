using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Boundaries.Geo.Gdal;

/// <summary>
/// The block references (INSERT) of a DXF that carry attributes (ATTRIB), as points with their attributes by tag,
/// for giving the closed outline around each its attributes (a surveyor draws the township outline and drops a
/// block with CODE and NAME inside it). An outline with exactly one such block inside takes the block's attributes
/// as fields, except names the outline already has a value for; an outline with several takes none (noted).
/// </summary>
internal sealed class DxfBlockAttributes
{
    private readonly STRtree<(Point Location, List<KeyValuePair<string, string>> Tags)> index = new();
    private int count;
    private int applied;
    private int ambiguous;

    private DxfBlockAttributes()
    {
    }

    /// <summary>Reads the drawing again with block references as points; <c>null</c> when none has attributes.</summary>
    public static DxfBlockAttributes? Read(string path, Encoding? encoding)
    {
        using var dataset = GdalVectorDataset.Open(path, encoding, GdalVectorDataset.DxfBlocksAsPoints);
        var result = new DxfBlockAttributes();
        foreach (var layer in dataset.Layers)
        {
            if (layer.Name == "blocks" || !layer.Fields.Any(f => f.Name == GdalFeatureSource.BlockAttributesField))
            {
                continue; // the "blocks" layer holds the block definitions, not references
            }
            foreach (var feature in dataset.ReadFeaturesCore(layer.Index, twoDimensional: true, listsAsArrays: true))
            {
                var list = feature.Attributes.FirstOrDefault(a => a.Key == GdalFeatureSource.BlockAttributesField).Value;
                if (feature.Geometry is not Point point || list is not System.Collections.Immutable.ImmutableArray<string> { Length: > 0 })
                {
                    continue;
                }
                var all = GdalFeatureSource.Attributes(feature.Attributes);
                var tags = ((System.Collections.Immutable.ImmutableArray<string>)list)
                    .Select(item => item.Split(' ', 2)[0])
                    .Where(tag => tag.Length > 0)
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .Select(tag => new KeyValuePair<string, string>(tag, Convert.ToString(all[tag], System.Globalization.CultureInfo.InvariantCulture) ?? ""))
                    .ToList();
                result.index.Insert(point.EnvelopeInternal, (point, tags));
                result.count++;
            }
        }
        return result.count == 0 ? null : result;
    }

    /// <summary>
    /// <paramref name="attributes"/> with the attributes of the one block inside <paramref name="area"/> added (a tag
    /// the outline already has a value for keeps the outline's value).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Apply(Geometry area, IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        var inside = index.Query(area.EnvelopeInternal).Where(b => area.Covers(b.Location)).ToList();
        if (inside.Count != 1)
        {
            ambiguous += inside.Count > 1 ? 1 : 0;
            return attributes;
        }
        var result = attributes.ToList();
        foreach (var (tag, value) in inside[0].Tags)
        {
            var at = result.FindIndex(a => string.Equals(a.Key, tag, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                result.Add(new(tag, value));
            }
            else if (result[at].Value is null or "")
            {
                result[at] = new(result[at].Key, value);
            }
        }
        applied++;
        return result;
    }

    /// <summary>What was done, for the read result's notes.</summary>
    public IEnumerable<string> Notes(string file)
    {
        yield return $"{file}: {applied} outlines took their fields from the attributes of the block (INSERT) inside them ({count} blocks with attributes)";
        if (ambiguous > 0)
        {
            yield return $"{file}: {ambiguous} outlines contain more than one block with attributes and took none";
        }
    }
}
