using System.Runtime.InteropServices;

namespace Boundaries.Geo.Gdal;

/// <summary>
/// The parts of libgdal's C API (GDAL 3.6, <c>gdal.h</c>, <c>ogr_api.h</c>, <c>ogr_srs_api.h</c>, <c>cpl_error.h</c>)
/// the bridge uses. The library name <see cref="Library"/> is resolved by <see cref="GdalLibrary"/>, which loads
/// <c>libgdal.so.32</c> (or <c>BOUNDARIES_GDAL_LIBRARY</c>) before any of these is called. Strings are UTF-8.
/// Handles owned by a dataset (layers, layer definitions, layer SRS, feature geometries) are plain pointers; handles
/// the caller must free have SafeHandle wrappers.
/// </summary>
internal static unsafe partial class GdalNative
{
    /// <summary>The logical library name the resolver maps to the real file.</summary>
    public const string Library = "boundaries-gdal";

    public const uint OfReadOnly = 0x00;
    public const uint OfRaster = 0x02;
    public const uint OfVector = 0x04;
    public const uint OfVerboseError = 0x40;

    // ---- CPL: errors and configuration ----
    [LibraryImport(Library)]
    public static partial void GDALAllRegister();

    [LibraryImport(Library)]
    public static partial nint CPLSetErrorHandler(nint handler);

    [LibraryImport(Library)]
    public static partial void CPLErrorReset();

    [LibraryImport(Library)]
    public static partial nint CPLGetLastErrorMsg();

    [LibraryImport(Library)]
    public static partial int CPLGetLastErrorType();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void CPLSetConfigOption(string key, string? value);

    [LibraryImport(Library)]
    public static partial void VSIFree(nint pointer);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void CPLSetThreadLocalConfigOption(string key, string? value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint GDALVersionInfo(string request);

    // ---- datasets ----
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial GdalDatasetHandle GDALOpenEx(string path, uint flags, nint allowedDrivers, nint openOptions, nint siblingFiles);

    [LibraryImport(Library)]
    public static partial void GDALClose(nint dataset);

    [LibraryImport(Library)]
    public static partial nint GDALGetDatasetDriver(GdalDatasetHandle dataset);

    [LibraryImport(Library)]
    public static partial nint GDALGetDriverShortName(nint driver);

    [LibraryImport(Library)]
    public static partial int GDALDatasetGetLayerCount(GdalDatasetHandle dataset);

    [LibraryImport(Library)]
    public static partial nint GDALDatasetGetLayer(GdalDatasetHandle dataset, int index);

    // ---- layers ----
    [LibraryImport(Library)]
    public static partial nint OGR_L_GetName(nint layer);

    [LibraryImport(Library)]
    public static partial nint OGR_L_GetSpatialRef(nint layer);

    [LibraryImport(Library)]
    public static partial long OGR_L_GetFeatureCount(nint layer, int force);

    [LibraryImport(Library)]
    public static partial int OGR_L_GetGeomType(nint layer);

    [LibraryImport(Library)]
    public static partial nint OGR_L_GetLayerDefn(nint layer);

    [LibraryImport(Library)]
    public static partial void OGR_L_ResetReading(nint layer);

    [LibraryImport(Library)]
    public static partial OgrFeatureHandle OGR_L_GetNextFeature(nint layer);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int OGR_L_TestCapability(nint layer, string capability);

    // ---- feature definitions and fields ----
    [LibraryImport(Library)]
    public static partial int OGR_FD_GetFieldCount(nint definition);

    [LibraryImport(Library)]
    public static partial nint OGR_FD_GetFieldDefn(nint definition, int index);

    [LibraryImport(Library)]
    public static partial nint OGR_Fld_GetNameRef(nint field);

    [LibraryImport(Library)]
    public static partial int OGR_Fld_GetType(nint field);

    [LibraryImport(Library)]
    public static partial int OGR_Fld_GetSubType(nint field);

    [LibraryImport(Library)]
    public static partial nint OGR_GetFieldTypeName(int type);

    // ---- features ----
    [LibraryImport(Library)]
    public static partial void OGR_F_Destroy(nint feature);

    [LibraryImport(Library)]
    public static partial long OGR_F_GetFID(OgrFeatureHandle feature);

    [LibraryImport(Library)]
    public static partial nint OGR_F_GetGeometryRef(OgrFeatureHandle feature);

    [LibraryImport(Library)]
    public static partial int OGR_F_IsFieldSetAndNotNull(OgrFeatureHandle feature, int index);

    [LibraryImport(Library)]
    public static partial nint OGR_F_GetFieldAsString(OgrFeatureHandle feature, int index);

    [LibraryImport(Library)]
    public static partial nint* OGR_F_GetFieldAsStringList(OgrFeatureHandle feature, int index);

    [LibraryImport(Library)]
    public static partial long OGR_F_GetFieldAsInteger64(OgrFeatureHandle feature, int index);

    [LibraryImport(Library)]
    public static partial double OGR_F_GetFieldAsDouble(OgrFeatureHandle feature, int index);

    [LibraryImport(Library)]
    public static partial int OGR_F_GetFieldAsDateTime(OgrFeatureHandle feature, int index, int* year, int* month, int* day, int* hour, int* minute, int* second, int* timeZone);

    // ---- geometries ----
    [LibraryImport(Library)]
    public static partial int OGR_G_WkbSize(nint geometry);

    [LibraryImport(Library)]
    public static partial int OGR_G_ExportToIsoWkb(nint geometry, int byteOrder, byte* buffer);

    [LibraryImport(Library)]
    public static partial int OGR_G_HasCurveGeometry(nint geometry, int lookForNonLinear);

    [LibraryImport(Library)]
    public static partial nint OGR_G_GetLinearGeometry(nint geometry, double maxAngleStepSizeDegrees, nint options);

    [LibraryImport(Library)]
    public static partial void OGR_G_DestroyGeometry(nint geometry);

    // ---- spatial references ----
    [LibraryImport(Library)]
    public static partial OsrHandle OSRClone(nint srs);

    [LibraryImport(Library)]
    public static partial void OSRDestroySpatialReference(nint srs);

    [LibraryImport(Library)]
    public static partial int OSRAutoIdentifyEPSG(OsrHandle srs);

    [LibraryImport(Library)]
    public static partial nint OSRGetAuthorityName(nint srs, nint targetKey);

    [LibraryImport(Library)]
    public static partial nint OSRGetAuthorityCode(nint srs, nint targetKey);

    [LibraryImport(Library)]
    public static partial nint OSRGetName(nint srs);

    [LibraryImport(Library)]
    public static partial int OSRExportToWkt(nint srs, nint* wkt);

    [LibraryImport(Library)]
    public static partial int OSRIsGeographic(nint srs);

    [LibraryImport(Library)]
    public static partial int OSREPSGTreatsAsLatLong(nint srs);

    [LibraryImport(Library)]
    public static partial int OSREPSGTreatsAsNorthingEasting(nint srs);

    [LibraryImport(Library)]
    public static partial int* OSRGetDataAxisToSRSAxisMapping(nint srs, int* count);

    // ---- rasters ----
    [LibraryImport(Library)]
    public static partial int GDALGetRasterXSize(GdalDatasetHandle dataset);

    [LibraryImport(Library)]
    public static partial int GDALGetRasterYSize(GdalDatasetHandle dataset);

    [LibraryImport(Library)]
    public static partial int GDALGetRasterCount(GdalDatasetHandle dataset);

    [LibraryImport(Library)]
    public static partial int GDALGetGeoTransform(GdalDatasetHandle dataset, double* transform);

    [LibraryImport(Library)]
    public static partial nint GDALGetSpatialRef(GdalDatasetHandle dataset);

    [LibraryImport(Library)]
    public static partial nint GDALGetRasterBand(GdalDatasetHandle dataset, int band);

    [LibraryImport(Library)]
    public static partial void GDALGetBlockSize(nint band, int* width, int* height);

    [LibraryImport(Library)]
    public static partial int GDALGetRasterDataType(nint band);

    [LibraryImport(Library)]
    public static partial nint GDALGetDataTypeName(int type);

    [LibraryImport(Library)]
    public static partial double GDALGetRasterNoDataValue(nint band, int* success);

    [LibraryImport(Library)]
    public static partial int GDALRasterIO(nint band, int readWrite, int xOff, int yOff, int xSize, int ySize, void* buffer, int bufferXSize, int bufferYSize, int bufferType, int pixelSpace, int lineSpace);

    /// <summary>A NUL-terminated UTF-8 string owned by GDAL, or <c>null</c>.</summary>
    public static string? Text(nint pointer) => pointer == 0 ? null : Marshal.PtrToStringUTF8(pointer);
}
