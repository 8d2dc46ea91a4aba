using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Import;

namespace Boundaries.Geo.Tests.Import;

public sealed class DivisionImporterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "boundaries-import-" + Guid.NewGuid().ToString("N"));

    public DivisionImporterTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void DetectsZonePrefixedGaussKrugerInACsv()
    {
        var path = Csv("gk.csv", "POLYGON ((39500000 4330000, 39500100 4330000, 39500100 4330100, 39500000 4330000))");
        var imported = DivisionImporter.Import(path);
        Assert.Equal(CrsSource.Detected, imported.CrsSource);
        Assert.Equal(CrsCode.GaussKruger(39, zonePrefixed: true), imported.Set.Crs);
        var lonLat = imported.In(CrsCode.Cgcs2000).Divisions[0].Geometry.Coordinates[0];
        Assert.Equal(117.0, lonLat.X, 1e-9); // on the central meridian
    }

    [Fact]
    public void PutsSwappedLatitudeFirstAxesBack()
    {
        var path = Csv("swapped.csv", "POLYGON ((39.1 117.1, 39.1 117.2, 39.2 117.2, 39.1 117.1))");
        var imported = DivisionImporter.Import(path);
        Assert.Equal(CrsCode.Cgcs2000, imported.Set.Crs);
        var first = imported.Set.Divisions[0].Geometry.Coordinates[0];
        Assert.Equal(117.1, first.X, 12);
        Assert.Equal(39.1, first.Y, 12);
    }

    [Fact]
    public void RefusesGaussKrugerWithoutZoneAndSaysWhatToPass()
    {
        var path = Csv("nozone.csv", "POLYGON ((500000 4330000, 500100 4330000, 500100 4330100, 500000 4330000))");
        var ex = Assert.Throws<BoundariesFormatException>(() => DivisionImporter.Import(path));
        Assert.Equal(path, ex.Path);
        Assert.Contains("--from EPSG:45", ex.Message, StringComparison.Ordinal);

        var given = DivisionImporter.Import(path, from: CrsCode.GaussKruger(39, zonePrefixed: false));
        Assert.Equal(CrsSource.Given, given.CrsSource);
        Assert.Equal(CrsCode.GaussKruger(39, false), given.Set.Crs);
    }

    private string Csv(string name, string wkt)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, $"code,name,level,parent,valid_from,valid_to,wkt\n120101001,劝业场街道,township,120101,,,\"{wkt}\"\n");
        return path;
    }
}
