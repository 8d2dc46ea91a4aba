using Microsoft.Win32.SafeHandles;

namespace Boundaries.Geo.Gdal;

/// <summary>A GDALDatasetH, closed with GDALClose.</summary>
internal sealed class GdalDatasetHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GdalDatasetHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        GdalNative.GDALClose(handle);
        return true;
    }
}
