using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Gdal;

/// <summary>
/// Reads divisions from any vector format GDAL reads, with the usual field map. Every layer is read; a layer named
/// by a level gives its features that level (as in a GeoPackage). Areas become divisions: polygons, multipolygons and
/// closed lines (a DXF closed polyline is an outline drawn in CAD); other features (open boundary lines, labels,
/// points) are not divisions and are counted in the notes. In DXF the layer name is the field <c>Layer</c> and
/// a label's text the field <c>Text</c>, so <c>CodeField = "Layer"</c> takes codes from CAD layers. A DXF outline
/// also takes the attributes of the one block reference (INSERT) inside it, each ATTRIB as a field named by its tag
/// (<see cref="DxfBlockAttributes"/>): an outline drawn around a block whose attribute CODE is 120101001 reads with
/// <c>code = 120101001</c> through the usual field map.
/// </summary>
internal static class GdalDivisionReader
{
    public static DivisionReadResult Read(string path, DivisionReadOptions options)
    {
        using var dataset = GdalVectorDataset.Open(path, options.Encoding);
        var notes = ImmutableArray.CreateBuilder<string>();
        var crs = options.Crs ?? LayerCrs(dataset, path);
        var map = new DivisionFieldMap(options, path);
        var divisions = ImmutableArray.CreateBuilder<Division>();
        var factory = new GeometryFactory(new PrecisionModel(), crs?.Epsg ?? 0);
        var blocks = dataset.Driver == "DXF" ? DxfBlockAttributes.Read(path, options.Encoding) : null;
        foreach (var layer in dataset.Layers)
        {
            var layerLevel = DivisionLevels.All.Cast<DivisionLevel?>()
                .FirstOrDefault(l => string.Equals(l!.Value.Name(), layer.Name, StringComparison.OrdinalIgnoreCase));
            var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var feature in dataset.ReadFeaturesCore(layer.Index, twoDimensional: true))
            {
                var area = AsArea(feature.Geometry, factory);
                if (area is null)
                {
                    var kind = feature.Geometry?.GeometryType ?? "no geometry";
                    skipped[kind] = skipped.GetValueOrDefault(kind) + 1;
                    continue;
                }
                var attributes = WithDates(feature.Attributes, options);
                if (blocks is not null)
                {
                    attributes = blocks.Apply(area, attributes);
                }
                divisions.Add(map.Map(feature.Index, attributes, area, layerLevel: layerLevel, layer: layer.Name));
            }
            if (skipped.Count > 0)
            {
                var what = string.Join(", ", skipped.Select(kv => $"{kv.Value} {kv.Key}"));
                notes.Add($"{Path.GetFileName(path)} layer '{layer.Name}': {skipped.Values.Sum()} features are not areas and were not read as divisions ({what})");
            }
            if (!layer.StringsAsUtf8 && layer.Fields.Any(f => f.Type == "String"))
            {
                notes.Add($"{Path.GetFileName(path)} layer '{layer.Name}': GDAL does not know the text encoding; text that is not valid UTF-8 was read as {(options.Encoding ?? ShapefileEncoding.Gbk).WebName}");
            }
        }
        if (blocks is not null)
        {
            notes.AddRange(blocks.Notes(Path.GetFileName(path)));
        }
        var set = new DivisionSet(divisions.ToImmutable(), crs ?? CrsCode.Cgcs2000);
        return new DivisionReadResult(set, crs is not null, "gdal:" + dataset.Driver, notes.ToImmutable());
    }

    /// <summary>The layers' common system; <c>null</c> when none states one.</summary>
    internal static CrsCode? LayerCrs(GdalVectorDataset dataset, string path)
    {
        CrsCode? crs = null;
        string? from = null;
        foreach (var layer in dataset.Layers)
        {
            if (layer.CrsDescription is null)
            {
                continue;
            }
            if (layer.Crs is not { } code)
            {
                throw new BoundariesFormatException(
                    $"layer '{layer.Name}' is in {layer.CrsDescription}, which the toolkit does not support; pass --from with the EPSG code of the coordinates (supported: EPSG:4490, 4326, 3857, 4513–4554)",
                    path, field: "crs");
            }
            if (crs is { } previous && previous != code)
            {
                throw new BoundariesFormatException($"layer '{layer.Name}' is in {code} but layer '{from}' is in {previous}; a division file has one coordinate system", path, field: "crs");
            }
            crs = code;
            from = layer.Name;
        }
        return crs;
    }

    /// <summary>
    /// The validity fields as dates: formats without a date type (KML, DXF, FlatGeobuf via text) carry GDAL's
    /// text form <c>yyyy/MM/dd</c>, which the field map would refuse as not ISO.
    /// </summary>
    private static IReadOnlyList<KeyValuePair<string, object?>> WithDates(ImmutableArray<KeyValuePair<string, object?>> attributes, DivisionReadOptions options)
    {
        var result = attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            var (key, value) = attributes[i];
            if (value is string { Length: 10 } text
                && (string.Equals(key, options.ValidFromField, StringComparison.OrdinalIgnoreCase) || string.Equals(key, options.ValidToField, StringComparison.OrdinalIgnoreCase))
                && DateOnly.TryParseExact(text, "yyyy'/'MM'/'dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            {
                result = result.SetItem(i, new(key, date));
            }
        }
        return result;
    }

    /// <summary>The feature's area: a (multi)polygon as is, a closed line as the polygon it outlines, else <c>null</c>.</summary>
    private static Geometry? AsArea(Geometry? geometry, GeometryFactory factory) => geometry switch
    {
        Polygon or MultiPolygon => geometry,
        LineString { IsClosed: true, NumPoints: >= 4 } ring => factory.CreatePolygon(ring.CoordinateSequence.Copy()),
        GeometryCollection { NumGeometries: > 0 } collection when collection.Geometries.All(g => g is Polygon) =>
            factory.CreateMultiPolygon([.. collection.Geometries.Cast<Polygon>()]),
        _ => null,
    };
}
