using Boundaries.Geo.Crs;

namespace Boundaries.Geo.Tests.Crs;

/// <summary>Gauss-Krüger and Web Mercator against GDAL's <c>gdaltransform</c> (PROJ's exact tmerc) as oracle.</summary>
public sealed class GaussKrugerGdalTests
{
    private const double MetersTolerance = 0.00001; // brief asks 1 mm; we agree to a few µm (GDAL prints 1e-9 m)
    private const double DegreesTolerance = 1e-10; // brief asks 1e-9°

    [Fact]
    public void MatchesPlatformReferencePointInEpsg4548()
    {
        // PLATFORM.md: gdaltransform -s_srs EPSG:4490 -t_srs EPSG:4548 gives this for (117.2, 39.1).
        var (e, n) = CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.Parse("EPSG:4548")).Transform(117.2, 39.1);
        Assert.Equal(517300.874331, e, 0.000001);
        Assert.Equal(4329624.671989, n, 0.000001);
    }

    [Theory]
    [InlineData(39, false)] // Tianjin, EPSG:4548
    [InlineData(39, true)] // Tianjin, EPSG:4527
    public void ForwardAndInverseMatchGdalOverTianjin(int zone, bool prefixed) =>
        CheckZone(CrsCode.GaussKruger(zone, prefixed), RandomLonLat(seed: 39, count: 300, 116.7, 118.1, 38.5, 40.3));

    [Theory]
    [InlineData(25, false, 20.0, 45.0)]
    [InlineData(29, true, 25.0, 42.0)]
    [InlineData(33, false, 18.0, 35.0)]
    [InlineData(36, true, 22.0, 48.0)]
    [InlineData(42, false, 40.0, 53.5)]
    [InlineData(45, true, 42.0, 50.0)]
    public void ForwardAndInverseMatchGdalInOtherZones(int zone, bool prefixed, double minLat, double maxLat)
    {
        // Up to 1.6° either side of the central meridian: a little past the zone edge, as data near edges is.
        var cm = 3.0 * zone;
        CheckZone(CrsCode.GaussKruger(zone, prefixed), RandomLonLat(seed: zone, count: 80, cm - 1.6, cm + 1.6, minLat, maxLat));
    }

    [Fact]
    public void WebMercatorMatchesGdal()
    {
        var points = RandomLonLat(seed: 3857, count: 200, 73, 136, 3, 54);
        var gdal = ExternalTool.GdalTransform("EPSG:4326", "EPSG:3857", points);
        var toWeb = CoordinateTransformer.Create(CrsCode.Wgs84, CrsCode.WebMercator);
        var fromWeb = CoordinateTransformer.Create(CrsCode.WebMercator, CrsCode.Wgs84);
        for (var i = 0; i < points.Count; i++)
        {
            var (x, y) = toWeb.Transform(points[i].X, points[i].Y);
            AssertClose(gdal[i], (x, y), MetersTolerance, $"forward {points[i]}");
            var (lon, lat) = fromWeb.Transform(gdal[i].X, gdal[i].Y);
            AssertClose(points[i], (lon, lat), DegreesTolerance, $"inverse {gdal[i]}");
        }
    }

    [Fact]
    public void BatchSpanTransformEqualsSinglePointTransform()
    {
        var points = RandomLonLat(seed: 7, count: 50, 116.7, 118.1, 38.5, 40.3);
        var transformer = CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.GaussKruger(39, false));
        var xy = points.SelectMany(p => new[] { p.X, p.Y }).ToArray();
        transformer.Transform(xy.AsSpan());
        for (var i = 0; i < points.Count; i++)
        {
            var single = transformer.Transform(points[i].X, points[i].Y);
            Assert.Equal(single.X, xy[2 * i]);
            Assert.Equal(single.Y, xy[2 * i + 1]);
        }
    }

    private static void CheckZone(CrsCode gk, IReadOnlyList<(double X, double Y)> lonLat)
    {
        var forward = CoordinateTransformer.Create(CrsCode.Cgcs2000, gk);
        var inverse = CoordinateTransformer.Create(gk, CrsCode.Cgcs2000);
        var gdalProjected = ExternalTool.GdalTransform("EPSG:4490", gk.ToString(), lonLat);

        // Forward, one span call for all points.
        var xy = lonLat.SelectMany(p => new[] { p.X, p.Y }).ToArray();
        forward.Transform(xy.AsSpan());
        for (var i = 0; i < lonLat.Count; i++)
        {
            AssertClose(gdalProjected[i], (xy[2 * i], xy[2 * i + 1]), MetersTolerance, $"{gk} forward of {lonLat[i]}");
        }

        // Inverse of independent grid coordinates (GDAL's output shifted by up to 5 km), checked against GDAL's inverse.
        var random = new Random(gk.Epsg);
        var grid = gdalProjected.Select(p => (p.X + random.NextDouble() * 10_000 - 5_000, p.Y + random.NextDouble() * 10_000 - 5_000)).ToArray();
        var gdalGeographic = ExternalTool.GdalTransform(gk.ToString(), "EPSG:4490", grid);
        for (var i = 0; i < grid.Length; i++)
        {
            var (lon, lat) = inverse.Transform(grid[i].Item1, grid[i].Item2);
            AssertClose(gdalGeographic[i], (lon, lat), DegreesTolerance, $"{gk} inverse of {grid[i]}");
        }
    }

    private static List<(double X, double Y)> RandomLonLat(int seed, int count, double minLon, double maxLon, double minLat, double maxLat)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => (minLon + random.NextDouble() * (maxLon - minLon), minLat + random.NextDouble() * (maxLat - minLat)))
            .ToList();
    }

    private static void AssertClose((double X, double Y) expected, (double X, double Y) actual, double tolerance, string what)
    {
        var dx = Math.Abs(expected.X - actual.X);
        var dy = Math.Abs(expected.Y - actual.Y);
        Assert.True(dx <= tolerance && dy <= tolerance,
            $"{what}: expected {expected}, got {actual} (|dx| {dx:G3}, |dy| {dy:G3}, tolerance {tolerance:G3})");
    }
}
