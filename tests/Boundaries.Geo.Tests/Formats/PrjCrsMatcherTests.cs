using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using static Boundaries.Geo.Tests.Formats.FormatTestSupport;

namespace Boundaries.Geo.Tests.Formats;

/// <summary>The WKT comes from GDAL's gdalsrsinfo, in both the ESRI and the OGC flavour.</summary>
public sealed class PrjCrsMatcherTests
{
    [Theory]
    [InlineData(4490)]
    [InlineData(4326)]
    [InlineData(3857)]
    [InlineData(4513)]
    [InlineData(4527)]
    [InlineData(4533)]
    [InlineData(4534)]
    [InlineData(4548)]
    [InlineData(4554)]
    public void MatchesGdalDefinitions(int epsg)
    {
        foreach (var flavour in new[] { "wkt_esri", "wkt1" })
        {
            var wkt = GdalOk("gdalsrsinfo", "-o", flavour, $"EPSG:{epsg}");
            var code = PrjCrsMatcher.Match(wkt);
            Assert.True(code is not null, $"{flavour} of EPSG:{epsg} not recognised");
            Assert.Equal(epsg, code.Value.Epsg);
        }
    }

    [Theory]
    [InlineData(32650)] // UTM on WGS 84
    [InlineData(4214)] // Beijing 1954 geographic
    [InlineData(2437)] // Beijing 1954 3-degree GK CM 117E
    [InlineData(4491)] // CGCS2000 6-degree GK zone 13 (not a 3-degree zone)
    public void RefusesOtherSystems(int epsg)
    {
        Assert.Null(PrjCrsMatcher.Match(GdalOk("gdalsrsinfo", "-o", "wkt_esri", $"EPSG:{epsg}")));
    }

    [Fact]
    public void GeoPackageDefinitionsAreWhatGdalPrints()
    {
        foreach (var epsg in new[] { 4490, 4326, 4527, 4548 })
        {
            Assert.True(CrsCode.TryFromEpsg(epsg, out var crs));
            var ours = GeoPackageSrs.Definition(crs).Wkt;
            var gdal = string.Concat(GdalOk("gdalsrsinfo", "-o", "wkt1", $"EPSG:{epsg}").Where(c => !char.IsWhiteSpace(c)));
            Assert.Equal(gdal, string.Concat(ours.Where(c => !char.IsWhiteSpace(c))));
        }
    }
}
