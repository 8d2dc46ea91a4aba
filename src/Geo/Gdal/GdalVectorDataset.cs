using System.Collections.Immutable;
using System.Text;
using Boundaries.Geo.Formats;

namespace Boundaries.Geo.Gdal;

/// <summary>
/// A vector dataset opened read-only through libgdal (any format GDAL 3.6 reads: DXF, KML, MapInfo TAB/MIF,
/// File Geodatabase, GML, FlatGeobuf, SQLite, GeoPackage, shapefile …): its layers with their coordinate
/// systems, fields and feature counts, and its features streamed as NTS geometries with attributes.
/// Text comes as UTF-8 where GDAL knows the source encoding (DXF <c>$DWGCODEPAGE</c>, MapInfo <c>Charset</c>,
/// shapefile .cpg); elsewhere bytes that are not valid UTF-8 are decoded with the fallback encoding (GBK by default).
/// Not thread-safe: read one layer at a time. Dispose to close the file.
/// </summary>
public sealed partial class GdalVectorDataset : IDisposable
{
    private readonly GdalDatasetHandle handle;
    private readonly Encoding fallbackEncoding;
    private readonly ImmutableArray<bool> swapAxes;

    private GdalVectorDataset(string path, GdalDatasetHandle handle, string driver, Encoding fallbackEncoding)
    {
        Path = path;
        this.handle = handle;
        Driver = driver;
        this.fallbackEncoding = fallbackEncoding;
        var layers = ImmutableArray.CreateBuilder<GdalLayerInfo>();
        var swaps = ImmutableArray.CreateBuilder<bool>();
        var count = GdalNative.GDALDatasetGetLayerCount(handle);
        for (var i = 0; i < count; i++)
        {
            var (info, swap) = Describe(i);
            layers.Add(info);
            swaps.Add(swap);
        }
        Layers = layers.ToImmutable();
        swapAxes = swaps.ToImmutable();
    }

    /// <summary>The file or folder opened.</summary>
    public string Path { get; }

    /// <summary>GDAL's short name of the driver that opened it, e.g. <c>DXF</c>, <c>KML</c>, <c>MapInfo File</c>, <c>OpenFileGDB</c>.</summary>
    public string Driver { get; }

    /// <summary>The layers in GDAL's order; empty for a dataset with none.</summary>
    public ImmutableArray<GdalLayerInfo> Layers { get; }

    /// <summary>
    /// Opens <paramref name="path"/> (a file, or a folder such as a .gdb File Geodatabase).
    /// </summary>
    /// <param name="path">The dataset.</param>
    /// <param name="fallbackEncoding">
    /// The encoding of text in layers GDAL does not recode to UTF-8 when the bytes are not valid UTF-8.
    /// Default <c>null</c> = GBK (code page 936).
    /// </param>
    /// <exception cref="FileNotFoundException">There is no such file or folder.</exception>
    /// <exception cref="GdalUnavailableException">libgdal cannot be loaded (install Debian libgdal32).</exception>
    /// <exception cref="BoundariesFormatException">GDAL cannot open it as vector data; the message is GDAL's.</exception>
    public static GdalVectorDataset Open(string path, Encoding? fallbackEncoding = null) => Open(path, fallbackEncoding, null);

    /// <summary>
    /// Opens with GDAL configuration options in force during the open (thread-local), e.g.
    /// <see cref="DxfBlocksAsPoints"/>.
    /// </summary>
    internal static GdalVectorDataset Open(string path, Encoding? fallbackEncoding, IReadOnlyList<KeyValuePair<string, string>>? config)
    {
        var dxf = DxfHeader.OpenConfig(path);
        var (handle, driver) = GdalOpener.Open(path, raster: false, dxf.Count == 0 ? config : [.. dxf, .. config ?? []]);
        try
        {
            return new GdalVectorDataset(path, handle, driver, fallbackEncoding ?? ShapefileEncoding.Gbk);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Streams the features of layer <paramref name="layerIndex"/> from the start, in the driver's order. Each
    /// enumeration restarts the layer; do not interleave two enumerations of the same dataset.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No such layer.</exception>
    /// <exception cref="BoundariesFormatException">A geometry GDAL returns cannot be decoded (names the feature).</exception>
    public IEnumerable<GdalFeature> ReadFeatures(int layerIndex) => ReadFeaturesCore(layerIndex, twoDimensional: false);

    /// <summary>
    /// DXF: an INSERT becomes one point feature with <c>BlockName</c> and its block attributes (ATTRIB) in the
    /// string list <c>BlockAttributes</c> ("TAG value" each), instead of the block's inlined geometry.
    /// </summary>
    internal static readonly IReadOnlyList<KeyValuePair<string, string>> DxfBlocksAsPoints = [new("DXF_INLINE_BLOCKS", "FALSE")];

    /// <summary>Closes the dataset.</summary>
    public void Dispose() => handle.Dispose();

    private nint LayerHandle(int index)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Layers.IsDefault ? int.MaxValue : Layers.Length);
        return GdalNative.GDALDatasetGetLayer(handle, index);
    }

    private (GdalLayerInfo Info, bool SwapAxes) Describe(int index)
    {
        var layer = LayerHandle(index);
        var name = GdalNative.Text(GdalNative.OGR_L_GetName(layer)) ?? $"layer{index}";
        var geometryType = GeometryTypeName(GdalNative.OGR_L_GetGeomType(layer));
        var crs = GdalCrs.Identify(GdalNative.OGR_L_GetSpatialRef(layer));
        var count = GdalNative.OGR_L_GetFeatureCount(layer, 1);
        var definition = GdalNative.OGR_L_GetLayerDefn(layer);
        var fieldCount = GdalNative.OGR_FD_GetFieldCount(definition);
        var fields = ImmutableArray.CreateBuilder<GdalFieldInfo>(fieldCount);
        for (var f = 0; f < fieldCount; f++)
        {
            var field = GdalNative.OGR_FD_GetFieldDefn(definition, f);
            var type = GdalNative.OGR_Fld_GetType(field);
            var typeName = type == FieldInteger && GdalNative.OGR_Fld_GetSubType(field) == SubTypeBoolean
                ? "Boolean"
                : GdalNative.Text(GdalNative.OGR_GetFieldTypeName(type)) ?? type.ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields.Add(new GdalFieldInfo(GdalNative.Text(GdalNative.OGR_Fld_GetNameRef(field)) ?? $"field{f}", typeName));
        }
        var utf8 = GdalNative.OGR_L_TestCapability(layer, "StringsAsUTF8") != 0;
        var info = new GdalLayerInfo(index, name, geometryType, crs?.Code, crs?.Description, count, fields.MoveToImmutable(), utf8);
        return (info, crs?.SwapAxes ?? false);
    }

    /// <summary>OGR wkbGeometryType to a name; 2.5D and ISO Z/M variants keep their base name with a suffix.</summary>
    private static string GeometryTypeName(int type)
    {
        var has25D = (type & unchecked((int)0x80000000)) != 0;
        var iso = type & 0x7FFFFFFF;
        var suffix = has25D || iso / 1000 == 1 ? " Z" : iso / 1000 == 2 ? " M" : iso / 1000 == 3 ? " ZM" : "";
        var name = (iso % 1000) switch
        {
            0 => "Unknown (any)",
            1 => "Point",
            2 => "LineString",
            3 => "Polygon",
            4 => "MultiPoint",
            5 => "MultiLineString",
            6 => "MultiPolygon",
            7 => "GeometryCollection",
            8 => "CircularString",
            9 => "CompoundCurve",
            10 => "CurvePolygon",
            11 => "MultiCurve",
            12 => "MultiSurface",
            100 => "None",
            var other => $"type {other}",
        };
        return name + suffix;
    }
}
