using Boundaries.Geo.Crs;
using Boundaries.Survey.Markers;
using Boundaries.Survey.Model;

namespace Boundaries.Survey.Tests.Markers;

public sealed class MarkerAveragerTests
{
    [Fact]
    public void AveragesNamedOccupationsAndRejectsTheOutlier()
    {
        // five occupations within ±1 cm of (1000, 2000) and one 0.8 m off
        var offsets = new (double E, double N)[] { (0.01, 0), (-0.01, 0), (0, 0.01), (0, -0.01), (0, 0), (0.8, 0) };
        var points = offsets.Select((o, i) => Occ("1213001Q", 1000 + o.E, 2000 + o.N, i + 1)).ToList();
        var m = Assert.Single(MarkerAverager.Average(points, crs: null));
        Assert.Equal("1213001Q", m.Id);
        Assert.Equal(MarkerNumber.Parse("1213001Q"), m.Number);
        Assert.Equal(5, m.Occupations);
        Assert.Equal(1, m.Outliers);
        Assert.Equal([6L], m.OutlierLines.ToArray());
        Assert.Equal(1000, m.Easting, 9);
        Assert.Equal(2000, m.Northing, 9);
        // sample σ of (0.01, −0.01, 0, 0, 0): √(0.0002 / 4)
        Assert.Equal(Math.Sqrt(0.0002 / 4), m.SigmaEastMeters!.Value, 12);
        Assert.Equal(Math.Sqrt(0.0002 / 4), m.SigmaNorthMeters!.Value, 12);
        Assert.Null(m.Longitude);
    }

    [Fact]
    public void GroupsUnnamedOccupationsByProximity()
    {
        var points = new[]
        {
            Occ(null, 0, 0, 1), Occ(null, 100, 0, 2), Occ(null, 0.5, 0.5, 3), Occ(null, 100.4, 0.2, 4), Occ(null, 50, 50, 5),
        };
        var markers = MarkerAverager.Average(points, crs: null, new MarkerOptions { GroupRadiusMeters = 2 });
        Assert.Equal(["#1", "#2", "#3"], markers.Select(m => m.Id));
        Assert.Equal([2, 2, 1], markers.Select(m => m.Occupations));
        Assert.Equal(0.25, markers[0].Easting, 12);
        Assert.Equal(100.2, markers[1].Easting, 9);
        Assert.Null(markers[2].SigmaEastMeters);
    }

    [Fact]
    public void LonLatOccupationsAreAveragedInTheirGaussKrugerZone()
    {
        // Tianjin: zone 39 (117°E); 1 cm steps east and north around a point, checked by going back to lon/lat
        var gk = CrsCode.GaussKruger(39, zonePrefixed: false);
        var toLonLat = CoordinateTransformer.Create(gk, CrsCode.Cgcs2000);
        var (lon, lat) = toLonLat.Transform(517300.874, 4329624.672);
        var points = new[] { (0.01, 0.0), (-0.01, 0.0), (0.0, 0.01), (0.0, -0.01) }
            .Select((o, i) => toLonLat.Transform(517300.874 + o.Item1, 4329624.672 + o.Item2))
            .Select((ll, i) => Occ("P1", ll.X, ll.Y, i + 1)).ToList();
        var m = Assert.Single(MarkerAverager.Average(points, CrsCode.Wgs84));
        Assert.Equal(gk, m.MetricCrs);
        Assert.Equal(517300.874, m.Easting, 6);
        Assert.Equal(4329624.672, m.Northing, 6);
        Assert.Equal(lon, m.Longitude!.Value, 9);
        Assert.Equal(lat, m.Latitude!.Value, 9);
        Assert.Equal(0, m.Outliers);
    }

    [Fact]
    public void NoOccupationsGiveNoMarkers() => Assert.Empty(MarkerAverager.Average([], crs: null));

    private static SurveyPoint Occ(string? name, double x, double y, long line) => new()
    {
        Line = line, Kind = SurveyPointKind.Surveyed, X = x, Y = y, Quality = FixQuality.RtkFixed, Name = name,
    };
}
