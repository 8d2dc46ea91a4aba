using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Geo.Topology;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Tests.Topology;

/// <summary>
/// The flat-array <see cref="EdgeTopology.Build"/> against the implementation it replaced (<see cref="ReferenceEdgeTopology"/>,
/// kept verbatim): the same lines with the same ids, sides, nodes, vertices and lengths to the last bit, and the same
/// nodes and adjacencies — on clean and dirty generated cities (overlaps give conflicting sides, collapsed rings are
/// dropped), in lon/lat and in Gauss-Krüger metres.
/// </summary>
public sealed class EdgeTopologyEquivalenceTests
{
    [Theory]
    [InlineData(3, false)]
    [InlineData(5, true)]
    [InlineData(8, true)]
    public void GivesExactlyWhatTheFormerBuilderGave(int seed, bool dirty)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Size = CitySize.Small, Dirty = dirty ? DirtyOptions.All : DirtyOptions.None });
        var lonLat = new ImportedDivisions("synthetic", "synthetic", city.Divisions, CrsSource.Stated, null, []).In(CrsCode.Cgcs2000);
        AssertSame(ReferenceEdgeTopology.Build(lonLat), EdgeTopology.Build(lonLat));
    }

    [Fact]
    public void GivesExactlyWhatTheFormerBuilderGaveOnOddInput()
    {
        // A duplicate (every side claimed twice), a clockwise shell, a ring that collapses on the grid, a hole with an island,
        // a multipolygon, repeated vertices.
        var reader = new NetTopologySuite.IO.WKTReader();
        var set = new DivisionSet(
            [.. new[]
            {
                ("A", "POLYGON ((117 39, 117.01 39, 117.01 39.01, 117 39.01, 117 39))"),
                ("B", "POLYGON ((117 39, 117 39.01, 117.01 39.01, 117.01 39, 117 39))"),
                ("C", "MULTIPOLYGON (((117.01 39, 117.02 39, 117.02 39, 117.02 39.01, 117.01 39.01, 117.01 39)), ((117.05 39, 117.05000000001 39, 117.05 39.00000000001, 117.05 39)))"),
                ("H", "POLYGON ((117 39.01, 117.03 39.01, 117.03 39.04, 117 39.04, 117 39.01), (117.01 39.02, 117.01 39.03, 117.02 39.03, 117.02 39.02, 117.01 39.02))"),
                ("I", "POLYGON ((117.01 39.02, 117.02 39.02, 117.02 39.03, 117.01 39.03, 117.01 39.02))"),
            }.Select(d => new Division(d.Item1, d.Item1, DivisionLevel.Township, null, reader.Read(d.Item2)))],
            CrsCode.Cgcs2000);
        var actual = EdgeTopology.Build(set);
        AssertSame(ReferenceEdgeTopology.Build(set), actual);
        Assert.Equal(4, actual.ConflictingSides); // B repeats A's four sides
    }

    [Fact]
    public void GivesExactlyWhatTheFormerBuilderGaveInGaussKrugerMetres()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 4, Size = CitySize.Small, Dirty = DirtyOptions.All });
        var metric = new ImportedDivisions("synthetic", "synthetic", city.Divisions, CrsSource.Stated, null, []).In(CrsCode.Parse("EPSG:4527"));
        AssertSame(ReferenceEdgeTopology.Build(metric), EdgeTopology.Build(metric));
    }

    private static void AssertSame(BoundaryTopology expected, BoundaryTopology actual)
    {
        Assert.Equal(expected.ConflictingSides, actual.ConflictingSides);
        Assert.Equal(expected.Lines.Length, actual.Lines.Length);
        for (var i = 0; i < expected.Lines.Length; i++)
        {
            var (e, a) = (expected.Lines[i], actual.Lines[i]);
            Assert.Equal((e.Id, e.Level, e.Left, e.Right, e.StartNode, e.EndNode), (a.Id, a.Level, a.Left, a.Right, a.StartNode, a.EndNode));
            Assert.Equal(e.LengthMeters, a.LengthMeters); // bit for bit: the same segments summed in the same order
            Assert.Equal(e.Geometry.SRID, a.Geometry.SRID);
            Assert.Equal(Xy(e.Geometry), Xy(a.Geometry));
        }
        Assert.Equal(expected.Nodes.Length, actual.Nodes.Length);
        for (var i = 0; i < expected.Nodes.Length; i++)
        {
            var (e, a) = (expected.Nodes[i], actual.Nodes[i]);
            Assert.Equal((e.Id, e.Level, e.Degree, e.TouchesOutside, e.Geometry.X, e.Geometry.Y, e.Geometry.SRID), (a.Id, a.Level, a.Degree, a.TouchesOutside, a.Geometry.X, a.Geometry.Y, a.Geometry.SRID));
            Assert.Equal(e.Divisions.ToArray(), a.Divisions.ToArray());
        }
        Assert.Equal(expected.Adjacencies.ToArray(), actual.Adjacencies.ToArray());
    }

    private static (double X, double Y)[] Xy(Geometry g) => [.. g.Coordinates.Select(c => (c.X, c.Y))];
}
