using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using Boundaries.Geo.Tests.Vectorize;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Tests.Gdal;

/// <summary>
/// Closed outlines in a hand-written DXF take their division code, name and parent from the attributes of the block
/// (INSERT) drawn inside each, through the usual field map.
/// </summary>
public sealed class GdalDxfBlockTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("gdal-dxf-blocks-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OutlinesTakeTheCodeOfTheBlockInside(bool gbk)
    {
        // every part without holes of every township: its outline, and a block at its interior point
        var parts = VectorizeFixtures.Townships
            .SelectMany(t => VectorizeFixtures.Parts(t.Geometry).Where(p => p.NumInteriorRings == 0).Select(p => (Township: t, Part: p)))
            .ToList();
        Assert.True(parts.Count >= 10, $"only {parts.Count} parts");
        var path = Path.Combine(dir, "outlines.dxf");
        DxfTestWriter.Write(path, new DxfTestWriter.Drawing
        {
            ClosedOutlines = [.. parts.Select(p => (LineString)p.Part.ExteriorRing)],
            BlockLabels = [.. parts.Select(p => new Geo.Vectorize.LabelPoint(p.Township.Code, p.Township.Name, null, p.Township.ParentCode, p.Part.InteriorPoint))],
        }, gbk);

        var read = DivisionFiles.Read(path, new DivisionReadOptions { Crs = CrsCode.Parse("EPSG:4548"), Level = DivisionLevel.Township });
        Assert.Equal("gdal:DXF", read.Format);
        Assert.Contains(read.Notes, n => n.Contains($"{parts.Count} outlines took their fields", StringComparison.Ordinal));
        var divisions = read.Set.Divisions;
        Assert.Equal(parts.Count, divisions.Length);
        for (var i = 0; i < parts.Count; i++)
        {
            var (township, part) = parts[i];
            var d = divisions[i];
            Assert.Equal(township.Code, d.Code);
            Assert.Equal(township.Name, d.Name);
            Assert.Equal(township.ParentCode, d.ParentCode);
            Assert.True(d.Geometry.SymmetricDifference(part).Area < 1e-6, $"{d.Code}: outline differs from the part");
        }
    }

    [Fact]
    public void AnOutlineWithTwoBlocksTakesNoneAndTheFieldMapSaysTheCodeIsMissing()
    {
        var township = VectorizeFixtures.Townships.First(t => t.Geometry is Polygon { NumInteriorRings: 0 });
        var polygon = (Polygon)township.Geometry;
        var inside = polygon.InteriorPoint;
        var alsoInside = polygon.Factory.CreatePoint(new Coordinate(inside.X + 0.001, inside.Y));
        Assert.True(polygon.Covers(alsoInside));
        var path = Path.Combine(dir, "two.dxf");
        DxfTestWriter.Write(path, new DxfTestWriter.Drawing
        {
            ClosedOutlines = [(LineString)polygon.ExteriorRing],
            BlockLabels = [new Geo.Vectorize.LabelPoint("120101001", "甲", null, null, inside), new Geo.Vectorize.LabelPoint("120101002", "乙", null, null, alsoInside)],
        });
        var e = Assert.Throws<BoundariesFormatException>(() => DivisionFiles.Read(path, new DivisionReadOptions { Crs = CrsCode.Parse("EPSG:4548") }));
        Assert.Equal("code", e.Field);
    }
}
