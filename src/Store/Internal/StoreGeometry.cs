using NetTopologySuite.Geometries;

namespace Boundaries.Store;

/// <summary>Makes geometries in the store's system (EPSG:4490).</summary>
internal static class StoreGeometry
{
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);

    public static Point Point(double lon, double lat) => Factory.CreatePoint(new Coordinate(lon, lat));

    /// <summary>A copy with SRID 4490 (the input is never changed).</summary>
    public static T With4490<T>(T geometry) where T : Geometry
    {
        var copy = (T)geometry.Copy();
        copy.SRID = 4490;
        return copy;
    }
}
