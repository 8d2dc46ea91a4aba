using System.Text.Json;
using Boundaries.Geo.Model;

namespace Boundaries.Viewer.Tests.Features;

/// <summary>GDAL's OAPIF driver (Debian gdal-bin) reads the server: ogrinfo lists the collections, ogr2ogr copies the items.</summary>
public sealed class GdalOgcApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public void OgrinfoListsEveryLevel()
    {
        var (exit, stdout, stderr) = TestSupport.Tool("ogrinfo", "-ro", "-q", "OAPIF:" + server.BaseUrl + "/");
        Assert.True(exit == 0, $"ogrinfo failed: {stderr}");
        foreach (var level in server.Divisions.Select(d => d.Level).Distinct())
        {
            Assert.Contains(level.Name(), stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("township")]
    [InlineData("district")]
    public void Ogr2ogrCopiesEveryItem(string level)
    {
        var dir = Directory.CreateTempSubdirectory("boundaries-oapif-");
        try
        {
            var target = Path.Combine(dir.FullName, level + ".geojson");
            var (exit, _, stderr) = TestSupport.Tool("ogr2ogr", "-f", "GeoJSON", target, "OAPIF:" + server.BaseUrl + "/", level);
            Assert.True(exit == 0, $"ogr2ogr failed: {stderr}");
            var copied = JsonDocument.Parse(File.ReadAllText(target)).RootElement.GetProperty("features").EnumerateArray()
                .Select(f => f.GetProperty("properties").GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToList();
            var expected = server.Divisions.Where(d => d.Level.Name() == level).Select(d => d.Code).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, copied);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
