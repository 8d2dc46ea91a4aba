using Boundaries.Geo.Crs;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Tests.Crs;

public sealed class GaussKrugerZoneTests
{
    [Theory]
    [InlineData(116.7, 118.1, 39)] // Tianjin: centre 117.4°E, zone 39 (CM 117°E)
    [InlineData(120.9, 122.0, 40)] // Shanghai: centre 121.45°E is 1.45° from CM 120°E and 1.55° from 123°E: zone 40
    [InlineData(125.0, 128.0, 42)] // centre 126.5°E, nearest CM 126°E
    [InlineData(73.5, 74.0, 25)] // west of zone 25's CM (75°E): clamped to 25
    public void PicksZoneOfEnvelopeCentre(double minLon, double maxLon, int zone) =>
        Assert.Equal(zone, GaussKrugerZone.ForEnvelope(new Envelope(minLon, maxLon, 30, 40)));

    [Fact]
    public void MetricCrsForGeometriesUsesTheirCombinedEnvelope()
    {
        var reader = new WKTReader();
        Geometry[] geometries = [reader.Read("POINT (116.6 39.0)"), reader.Read("LINESTRING (117.0 39.5, 118.4 40.0)")];
        // Combined lon 116.6–118.4, centre 117.5 -> zone 39.
        Assert.Equal(CrsCode.Parse("EPSG:4548"), GaussKrugerZone.MetricCrsFor(geometries));
        Assert.Equal(CrsCode.Parse("EPSG:4527"), GaussKrugerZone.MetricCrsFor(geometries, zonePrefixed: true));
        Assert.Equal(CrsCode.Parse("EPSG:4549"), GaussKrugerZone.MetricCrsFor(reader.Read("POINT (119.6 30)")));
    }

    [Fact]
    public void RefusesEmptyInput()
    {
        Assert.Throws<ArgumentException>(() => GaussKrugerZone.ForEnvelope(new Envelope()));
        Assert.Throws<ArgumentException>(() => GaussKrugerZone.MetricCrsFor(Array.Empty<Geometry>()));
    }
}
