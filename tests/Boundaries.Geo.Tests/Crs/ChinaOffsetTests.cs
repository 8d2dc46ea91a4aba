using Boundaries.Geo.Crs;
using Boundaries.Geo.Measure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Boundaries.Geo.Tests.Crs;

/// <summary>GCJ-02 and BD-09: iterative inverses round-trip within 1 mm over China, measured on the ellipsoid.</summary>
public sealed class ChinaOffsetTests
{
    private const double RoundTripMeters = 0.001;

    // lon 73.5–135, lat 18–53.5: inside the box where the GCJ-02 offset applies.
    private static readonly Arbitrary<(double Lon, double Lat)> ChinaLonLat =
        Gen.Choose(0, 10_000_000).Zip(Gen.Choose(0, 10_000_000))
            .Select(t => (73.5 + t.Item1 / 1e7 * 61.5, 18.0 + t.Item2 / 1e7 * 35.5))
            .ToArbitrary();

    [Property(MaxTest = 2000)]
    public Property Gcj02RoundTripIsWithinOneMillimetre() =>
        Prop.ForAll(ChinaLonLat, p => RoundTripErrorMeters(CrsCode.Gcj02, p) < RoundTripMeters);

    [Property(MaxTest = 2000)]
    public Property Bd09RoundTripIsWithinOneMillimetre() =>
        Prop.ForAll(ChinaLonLat, p => RoundTripErrorMeters(CrsCode.Bd09, p) < RoundTripMeters);

    [Property(MaxTest = 500)]
    public Property InverseOfGivenGcj02PointReproducesIt() =>
        // Start from GCJ-02 coordinates (as read off a consumer map): inverse, then forward, lands on them.
        Prop.ForAll(ChinaLonLat, g =>
        {
            var back = CoordinateTransformer.Create(CrsCode.Gcj02, CrsCode.Cgcs2000).Transform(g.Lon, g.Lat);
            var again = CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.Gcj02).Transform(back.X, back.Y);
            return EllipsoidalMeasure.DistanceMeters(g.Lon, g.Lat, again.X, again.Y) < RoundTripMeters;
        });

    [Fact]
    public void Gcj02OffsetInChinaIsHundredsOfMetres()
    {
        // The published formula shifts points in eastern China by roughly 100–700 m; zero would mean it is not applied.
        var (lon, lat) = CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.Gcj02).Transform(117.2, 39.1);
        var shift = EllipsoidalMeasure.DistanceMeters(117.2, 39.1, lon, lat);
        Assert.InRange(shift, 100, 700);
    }

    [Fact]
    public void Bd09IsFurtherShiftedFromGcj02()
    {
        var gcj = CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.Gcj02).Transform(117.2, 39.1);
        var bd = CoordinateTransformer.Create(CrsCode.Gcj02, CrsCode.Bd09).Transform(gcj.X, gcj.Y);
        var direct = CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.Bd09).Transform(117.2, 39.1);
        Assert.Equal(direct.X, bd.X, 1e-12);
        Assert.Equal(direct.Y, bd.Y, 1e-12);
        // BD-09 adds about (0.0065°, 0.006°) on top of GCJ-02: several hundred metres.
        Assert.InRange(EllipsoidalMeasure.DistanceMeters(gcj.X, gcj.Y, bd.X, bd.Y), 300, 1500);
    }

    [Theory]
    [InlineData(2.35, 48.85)] // Paris
    [InlineData(139.7, 35.7)] // Tokyo (east of the box)
    [InlineData(-74.0, 40.7)] // New York
    public void Gcj02HasNoOffsetOutsideChinaBox(double lon, double lat)
    {
        var (x, y) = CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.Gcj02).Transform(lon, lat);
        Assert.Equal(lon, x);
        Assert.Equal(lat, y);
        var (bx, by) = CoordinateTransformer.Create(CrsCode.Gcj02, CrsCode.Cgcs2000).Transform(lon, lat);
        Assert.Equal(lon, bx);
        Assert.Equal(lat, by);
    }

    private static double RoundTripErrorMeters(CrsCode offsetSystem, (double Lon, double Lat) p)
    {
        var there = CoordinateTransformer.Create(CrsCode.Cgcs2000, offsetSystem).Transform(p.Lon, p.Lat);
        var back = CoordinateTransformer.Create(offsetSystem, CrsCode.Cgcs2000).Transform(there.X, there.Y);
        return EllipsoidalMeasure.DistanceMeters(p.Lon, p.Lat, back.X, back.Y);
    }
}
