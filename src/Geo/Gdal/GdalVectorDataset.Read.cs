using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using Boundaries.Geo.Formats;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Gdal;

/// <summary>Feature streaming: fields as .NET values, geometries through ISO WKB.</summary>
public sealed partial class GdalVectorDataset
{
    private const int FieldInteger = 0;
    private const int FieldReal = 2;
    private const int FieldString = 4;
    private const int FieldStringList = 5;
    private const int FieldDate = 9;
    private const int FieldDateTime = 11;
    private const int FieldInteger64 = 12;
    private const int SubTypeBoolean = 1;
    private const int TimeZoneUtc = 100; // OGR's TZFlag for GMT/UTC

    /// <summary>
    /// Streams features; <paramref name="twoDimensional"/> drops Z and M (divisions are planar);
    /// <paramref name="listsAsArrays"/> gives string lists as <c>ImmutableArray&lt;string&gt;</c> instead of GDAL's text.
    /// </summary>
    internal IEnumerable<GdalFeature> ReadFeaturesCore(int layerIndex, bool twoDimensional, bool listsAsArrays = false)
    {
        var layer = LayerHandle(layerIndex);
        var info = Layers[layerIndex];
        var swap = swapAxes[layerIndex];
        var types = new int[info.Fields.Length];
        var definition = GdalNative.OGR_L_GetLayerDefn(layer);
        for (var f = 0; f < types.Length; f++)
        {
            var field = GdalNative.OGR_FD_GetFieldDefn(definition, f);
            var type = GdalNative.OGR_Fld_GetType(field);
            types[f] = type == FieldInteger && GdalNative.OGR_Fld_GetSubType(field) == SubTypeBoolean ? -1
                : type == FieldStringList && listsAsArrays ? -2
                : type;
        }
        var reader = new WKBReader(NetTopologySuite.NtsGeometryServices.Instance)
        {
            HandleOrdinates = twoDimensional ? Ordinates.XY : Ordinates.AllOrdinates,
        };
        var srid = info.Crs?.Epsg ?? 0;
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            GdalNative.OGR_L_ResetReading(layer);
            long index = 0;
            while (true)
            {
                ObjectDisposedException.ThrowIf(handle.IsClosed, this);
                GdalNative.CPLErrorReset();
                using var feature = GdalNative.OGR_L_GetNextFeature(layer);
                if (feature.IsInvalid)
                {
                    if (GdalNative.CPLGetLastErrorType() >= 3)
                    {
                        throw new BoundariesFormatException($"GDAL stopped reading: {GdalLibrary.LastError("unknown error")}", Path, feature: $"{info.Name}#{index}");
                    }
                    yield break;
                }
                var attributes = ImmutableArray.CreateBuilder<KeyValuePair<string, object?>>(types.Length);
                for (var f = 0; f < types.Length; f++)
                {
                    attributes.Add(new(info.Fields[f].Name, Value(feature, f, types[f], info.StringsAsUtf8)));
                }
                var geometry = ReadGeometry(feature, reader, ref buffer, info.Name, index);
                if (geometry is not null)
                {
                    if (swap)
                    {
                        geometry.Apply(SwapFilter.Instance);
                        geometry.GeometryChanged();
                    }
                    geometry.SRID = srid;
                }
                yield return new GdalFeature(index, GdalNative.OGR_F_GetFID(feature), geometry, attributes.MoveToImmutable());
                index++;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private unsafe Geometry? ReadGeometry(OgrFeatureHandle feature, WKBReader reader, ref byte[] buffer, string layer, long index)
    {
        var geometry = GdalNative.OGR_F_GetGeometryRef(feature);
        if (geometry == 0)
        {
            return null;
        }
        nint linear = 0;
        if (GdalNative.OGR_G_HasCurveGeometry(geometry, 1) != 0)
        {
            // arcs (DXF ARC/bulges, curved polygons in GML or File Geodatabase): NTS has no curves, so linearise
            linear = GdalNative.OGR_G_GetLinearGeometry(geometry, 0, 0);
            geometry = linear;
        }
        try
        {
            var size = GdalNative.OGR_G_WkbSize(geometry);
            if (size > buffer.Length)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = ArrayPool<byte>.Shared.Rent(size);
            }
            fixed (byte* bytes = buffer)
            {
                if (GdalNative.OGR_G_ExportToIsoWkb(geometry, 1, bytes) != 0)
                {
                    throw new BoundariesFormatException($"GDAL cannot export the geometry: {GdalLibrary.LastError("unknown error")}", Path, feature: $"{layer}#{index}", field: "geometry");
                }
            }
            try
            {
                using var stream = new MemoryStream(buffer, 0, size, writable: false);
                return reader.Read(stream);
            }
            catch (Exception e) when (e is ParseException or ArgumentException or IOException)
            {
                throw new BoundariesFormatException($"unreadable geometry: {e.Message}", Path, feature: $"{layer}#{index}", field: "geometry", inner: e);
            }
        }
        finally
        {
            if (linear != 0)
            {
                GdalNative.OGR_G_DestroyGeometry(linear);
            }
        }
    }

    private unsafe object? Value(OgrFeatureHandle feature, int index, int type, bool utf8)
    {
        if (GdalNative.OGR_F_IsFieldSetAndNotNull(feature, index) == 0)
        {
            return null;
        }
        switch (type)
        {
            case -1:
                return GdalNative.OGR_F_GetFieldAsInteger64(feature, index) != 0;
            case -2:
                var list = ImmutableArray.CreateBuilder<string>();
                for (var item = GdalNative.OGR_F_GetFieldAsStringList(feature, index); item is not null && *item != 0; item++)
                {
                    list.Add(Text(*item, utf8));
                }
                return list.ToImmutable();
            case FieldInteger or FieldInteger64:
                return GdalNative.OGR_F_GetFieldAsInteger64(feature, index);
            case FieldReal:
                return GdalNative.OGR_F_GetFieldAsDouble(feature, index);
            case FieldDate:
                int y, m, d, h, mi, s, tz;
                return GdalNative.OGR_F_GetFieldAsDateTime(feature, index, &y, &m, &d, &h, &mi, &s, &tz) != 0 && y > 0
                    ? new DateOnly(y, m, d)
                    : Text(GdalNative.OGR_F_GetFieldAsString(feature, index), utf8);
            case FieldDateTime:
                int y2, m2, d2, h2, mi2, s2, tz2;
                return GdalNative.OGR_F_GetFieldAsDateTime(feature, index, &y2, &m2, &d2, &h2, &mi2, &s2, &tz2) != 0 && y2 > 0
                    ? new DateTime(y2, m2, d2, h2, mi2, s2, tz2 == TimeZoneUtc ? DateTimeKind.Utc : DateTimeKind.Unspecified)
                    : Text(GdalNative.OGR_F_GetFieldAsString(feature, index), utf8);
            default:
                return Text(GdalNative.OGR_F_GetFieldAsString(feature, index), utf8);
        }
    }

    /// <summary>A GDAL string: UTF-8 when GDAL recoded it or the bytes are valid UTF-8, else the fallback encoding.</summary>
    private unsafe string Text(nint pointer, bool utf8)
    {
        if (pointer == 0)
        {
            return "";
        }
        var bytes = MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)pointer);
        return utf8 || Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : fallbackEncoding.GetString(bytes);
    }

    private sealed class SwapFilter : ICoordinateSequenceFilter
    {
        public static readonly SwapFilter Instance = new();

        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var x = seq.GetX(i);
            seq.SetX(i, seq.GetY(i));
            seq.SetY(i, x);
        }
    }
}
