using Microsoft.Win32.SafeHandles;

namespace Boundaries.Geo.Gdal;

/// <summary>An OGRFeatureH returned by OGR_L_GetNextFeature, destroyed with OGR_F_Destroy.</summary>
internal sealed class OgrFeatureHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OgrFeatureHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        GdalNative.OGR_F_Destroy(handle);
        return true;
    }
}
