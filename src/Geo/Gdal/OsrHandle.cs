using Microsoft.Win32.SafeHandles;

namespace Boundaries.Geo.Gdal;

/// <summary>An OGRSpatialReferenceH the bridge owns (a clone), destroyed with OSRDestroySpatialReference.</summary>
internal sealed class OsrHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OsrHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        GdalNative.OSRDestroySpatialReference(handle);
        return true;
    }
}
