using Boundaries.Geo.Crs;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Tests.Crs;

public sealed class CrsDetectorTests
{
    // decided

    [Fact]
    public void DetectsLonLatOverChina()
    {
        var d = CrsDetector.Detect(new Envelope(116.7, 118.1, 38.5, 40.3));
        Assert.Equal(CrsCode.Cgcs2000, d.Crs);
        Assert.False(d.AxesSwapped);
        Assert.Null(d.Ambiguity);
        Assert.False(d.IsAmbiguous);
    }

    [Fact]
    public void DetectsSwappedLonLatOverChina()
    {
        var d = CrsDetector.Detect(new Envelope(38.5, 40.3, 116.7, 118.1));
        Assert.Equal(CrsCode.Cgcs2000, d.Crs);
        Assert.True(d.AxesSwapped);
    }

    [Fact]
    public void DetectsLonLatElsewhere()
    {
        var d = CrsDetector.Detect(new Envelope(2.2, 2.5, 48.8, 48.9)); // Paris
        Assert.Equal(CrsCode.Cgcs2000, d.Crs);
        Assert.False(d.AxesSwapped);
    }

    [Fact]
    public void DetectsZonePrefixedGaussKruger()
    {
        // Tianjin in EPSG:4527: eastings 39 4xx xxx – 39 6xx xxx.
        var d = CrsDetector.Detect(new Envelope(39_440_000, 39_620_000, 4_260_000, 4_470_000));
        Assert.Equal(CrsCode.Parse("EPSG:4527"), d.Crs);
        Assert.Equal(39, d.Crs!.Value.Zone);
        Assert.False(d.AxesSwapped);
    }

    [Fact]
    public void DetectsSwappedZonePrefixedGaussKruger()
    {
        var d = CrsDetector.Detect(new Envelope(4_260_000, 4_470_000, 39_440_000, 39_620_000));
        Assert.Equal(CrsCode.Parse("EPSG:4527"), d.Crs);
        Assert.True(d.AxesSwapped);
    }

    [Fact]
    public void DetectsWebMercatorOverChina()
    {
        var d = CrsDetector.Detect(new Envelope(12_990_000, 13_150_000, 4_650_000, 4_900_000));
        Assert.Equal(CrsCode.WebMercator, d.Crs);
    }

    // ambiguous: refuses and says what to pass

    [Fact]
    public void RefusesGaussKrugerWithoutZonePrefix()
    {
        var d = CrsDetector.Detect(new Envelope(440_000, 620_000, 4_260_000, 4_470_000));
        Assert.Null(d.Crs);
        Assert.True(d.IsAmbiguous);
        Assert.False(d.AxesSwapped);
        Assert.Contains("--from EPSG:45", d.Ambiguity);
        Assert.Contains("zone", d.Ambiguity);
    }

    [Fact]
    public void RefusesSwappedGaussKrugerWithoutZonePrefixAndSaysAxesAreSwapped()
    {
        var d = CrsDetector.Detect(new Envelope(4_260_000, 4_470_000, 440_000, 620_000));
        Assert.Null(d.Crs);
        Assert.True(d.AxesSwapped);
        Assert.Contains("--from EPSG:45", d.Ambiguity);
        Assert.Contains("northing", d.Ambiguity);
    }

    [Fact]
    public void RefusesPrefixedEastingsSpanningTwoZones()
    {
        var d = CrsDetector.Detect(new Envelope(39_600_000, 40_400_000, 4_260_000, 4_470_000));
        Assert.Null(d.Crs);
        Assert.Contains("39", d.Ambiguity);
        Assert.Contains("40", d.Ambiguity);
        Assert.Contains("--from EPSG:45", d.Ambiguity);
    }

    [Fact]
    public void RefusesUnrecognisedRanges()
    {
        var d = CrsDetector.Detect(new Envelope(-5e7, 5e7, -5e7, 5e7));
        Assert.Null(d.Crs);
        Assert.Contains("--from", d.Ambiguity);
    }

    [Fact]
    public void RefusesEmptyEnvelope()
    {
        var d = CrsDetector.Detect(new Envelope());
        Assert.Null(d.Crs);
        Assert.Contains("--from", d.Ambiguity);
    }

    // round trip with the transformer

    [Fact]
    public void DetectsZoneOfDataProjectedIntoPrefixedSystem()
    {
        foreach (var zone in new[] { 26, 33, 39, 44 })
        {
            var lonLat = new Envelope(3 * zone - 1.2, 3 * zone + 1.2, 25, 45);
            var code = CrsCode.GaussKruger(zone, zonePrefixed: true);
            var t = CoordinateTransformer.Create(CrsCode.Cgcs2000, code);
            var projected = new Envelope();
            foreach (var (lon, lat) in new[] { (lonLat.MinX, lonLat.MinY), (lonLat.MaxX, lonLat.MinY), (lonLat.MinX, lonLat.MaxY), (lonLat.MaxX, lonLat.MaxY) })
            {
                var (x, y) = t.Transform(lon, lat);
                projected.ExpandToInclude(x, y);
            }
            Assert.Equal(code, CrsDetector.Detect(projected).Crs);
        }
    }
}
