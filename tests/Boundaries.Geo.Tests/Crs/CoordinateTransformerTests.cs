using Boundaries.Geo.Crs;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Tests.Crs;

public sealed class CoordinateTransformerTests
{
    private static readonly CrsCode Zone39 = CrsCode.GaussKruger(39, zonePrefixed: false);
    private static readonly CrsCode Zone39Prefixed = CrsCode.GaussKruger(39, zonePrefixed: true);

    // geometry

    [Fact]
    public void TransformGeometryReturnsNewGeometryAndLeavesInputUnchanged()
    {
        var input = Read("POLYGON ((117.1 39.0, 117.3 39.0, 117.3 39.2, 117.1 39.2, 117.1 39.0), (117.15 39.05, 117.2 39.05, 117.2 39.1, 117.15 39.05))", 4490);
        var before = input.Copy();
        var output = CoordinateTransformer.Create(CrsCode.Cgcs2000, Zone39).Transform(input);

        Assert.NotSame(input, output);
        Assert.True(input.EqualsExact(before), "the input geometry was changed");
        Assert.Equal(4490, input.SRID);
        Assert.Equal(4548, output.SRID);
        Assert.IsType<Polygon>(output);
        Assert.Equal(input.NumPoints, output.NumPoints);
        var expected = CoordinateTransformer.Create(CrsCode.Cgcs2000, Zone39).Transform(117.3, 39.2);
        Assert.Equal(expected.X, output.Coordinates[2].X);
        Assert.Equal(expected.Y, output.Coordinates[2].Y);
    }

    [Fact]
    public void TransformGeometryRoundTripIsWithinNanodegrees()
    {
        var input = Read("MULTIPOLYGON (((117.1 39.0, 117.3 39.0, 117.3 39.2, 117.1 39.0)), ((118.0 40.0, 118.1 40.0, 118.1 40.1, 118.0 40.0)))", 4490);
        var projected = CoordinateTransformer.Create(CrsCode.Cgcs2000, Zone39Prefixed).Transform(input);
        var back = CoordinateTransformer.Create(Zone39Prefixed, CrsCode.Cgcs2000).Transform(projected);
        Assert.Equal(4490, back.SRID);
        Assert.True(back.EqualsExact(input, 1e-9), $"round trip moved vertices: {back}");
        Assert.True(projected.Coordinates.All(c => c.X > 39_000_000 && c.X < 40_000_000), "prefixed eastings should start with 39");
    }

    [Fact]
    public void TransformGeometryKeepsZAndSetsNoSridForGcj02()
    {
        var input = new GeometryFactory(new PrecisionModel(), 4490).CreatePoint(new CoordinateZ(117.2, 39.1, 12.5));
        var output = (Point)CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.Gcj02).Transform(input);
        Assert.Equal(12.5, output.Coordinate.Z);
        Assert.Equal(0, output.SRID);
        Assert.NotEqual(117.2, output.X);
    }

    // single points and spans

    [Fact]
    public void Wgs84AndCgcs2000AreTreatedAsIdentical()
    {
        var t = CoordinateTransformer.Create(CrsCode.Wgs84, CrsCode.Cgcs2000);
        Assert.True(t.IsIdentity);
        Assert.Equal((117.2, 39.1), t.Transform(117.2, 39.1));
    }

    [Fact]
    public void SameZoneBetweenFormsOnlyShiftsEasting()
    {
        var (e, n) = CoordinateTransformer.Create(Zone39, Zone39Prefixed).Transform(517300.874331, 4329624.671989);
        Assert.Equal(39_517_300.874331, e, 1e-6);
        Assert.Equal(4329624.671989, n);
        var (e2, _) = CoordinateTransformer.Create(Zone39Prefixed, Zone39).Transform(e, n);
        Assert.Equal(517300.874331, e2, 1e-6);
    }

    [Fact]
    public void ZoneToZoneMatchesGdal()
    {
        // Tianjin points, zone 39 to the neighbouring zone 40 (and 40 prefixed), as GDAL computes it.
        var random = new Random(40);
        var points = Enumerable.Range(0, 100)
            .Select(_ => (X: 450_000 + random.NextDouble() * 150_000, Y: 4_250_000 + random.NextDouble() * 200_000))
            .ToList();
        foreach (var target in new[] { CrsCode.GaussKruger(40, false), CrsCode.GaussKruger(40, true) })
        {
            var gdal = ExternalTool.GdalTransform("EPSG:4548", target.ToString(), points);
            var t = CoordinateTransformer.Create(Zone39, target);
            for (var i = 0; i < points.Count; i++)
            {
                var (x, y) = t.Transform(points[i].X, points[i].Y);
                Assert.True(Math.Abs(x - gdal[i].X) < 1e-5 && Math.Abs(y - gdal[i].Y) < 1e-5,
                    $"{target}: {points[i]} -> ({x}, {y}), GDAL {gdal[i]}");
            }
        }
    }

    [Fact]
    public void SeparateSpansEqualInterleavedSpan()
    {
        double[] xy = [117.2, 39.1, 116.4, 39.9, 121.5, 31.2];
        double[] xs = [117.2, 116.4, 121.5];
        double[] ys = [39.1, 39.9, 31.2];
        var t = CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.WebMercator);
        t.Transform(xy.AsSpan());
        t.Transform(xs.AsSpan(), ys.AsSpan());
        Assert.Equal(new[] { xy[0], xy[2], xy[4] }, xs);
        Assert.Equal(new[] { xy[1], xy[3], xy[5] }, ys);
    }

    // caller errors

    [Fact]
    public void RejectsOddLengthSpan() =>
        Assert.Throws<ArgumentException>(() =>
            CoordinateTransformer.Create(CrsCode.Cgcs2000, Zone39).Transform(new double[3].AsSpan()));

    [Fact]
    public void RejectsDefaultCrsCode() =>
        Assert.Throws<ArgumentException>(() => CoordinateTransformer.Create(default, CrsCode.Cgcs2000));

    [Fact]
    public void RejectsNullGeometry() =>
        Assert.Throws<ArgumentNullException>(() => CoordinateTransformer.Create(CrsCode.Cgcs2000, Zone39).Transform((Geometry)null!));

    private static Geometry Read(string wkt, int srid)
    {
        var g = new WKTReader().Read(wkt);
        g.SRID = srid;
        return g;
    }
}
