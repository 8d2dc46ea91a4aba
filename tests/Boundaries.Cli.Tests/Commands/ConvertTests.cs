using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;

namespace Boundaries.Cli.Tests.Commands;

public sealed class ConvertTests
{
    [Fact]
    public void RoundTripsThroughGaussKrugerAndGeoJsonWithinAMillimetre()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "5", "--output", city).ExitCode);

        Assert.Equal(0, CliRun.Of("convert", city, dir.File("gk.gpkg"), "--to", "EPSG:4548").ExitCode);
        Assert.Equal(0, CliRun.Of("convert", dir.File("gk.gpkg"), dir.File("back.geojson")).ExitCode);

        var original = DivisionFiles.Read(city).Set;
        var gk = DivisionFiles.Read(dir.File("gk.gpkg")).Set;
        var back = DivisionFiles.Read(dir.File("back.geojson")).Set;
        Assert.Equal(CrsCode.GaussKruger(39, false), gk.Crs);
        Assert.True(gk.Divisions[0].Geometry.EnvelopeInternal.MinX > 100_000); // metres, not degrees
        Assert.Equal(original.Divisions.Length, back.Divisions.Length);
        for (var i = 0; i < original.Divisions.Length; i++)
        {
            Assert.Equal(original.Divisions[i].Code, back.Divisions[i].Code);
            Assert.Equal(original.Divisions[i].Name, back.Divisions[i].Name);
            // 1e-8 degrees is about a millimetre
            Assert.True(original.Divisions[i].Geometry.EqualsExact(back.Divisions[i].Geometry, 1e-8), original.Divisions[i].Code);
        }
    }

    [Fact]
    public void ConvertsToAndFromConsumerMapCoordinates()
    {
        using var dir = new TempDir();
        var city = dir.File("city.geojson");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "5", "--output", city).ExitCode);
        Assert.Equal(0, CliRun.Of("convert", city, dir.File("amap.csv"), "--to", "gcj02").ExitCode);
        Assert.Equal(0, CliRun.Of("convert", dir.File("amap.csv"), dir.File("back.geojson"), "--from", "gcj02").ExitCode);

        var original = DivisionFiles.Read(city).Set.Divisions;
        var shifted = DivisionFiles.Read(dir.File("amap.csv")).Set.Divisions;
        var back = DivisionFiles.Read(dir.File("back.geojson")).Set.Divisions;
        // GCJ-02 moves Tianjin by a few hundred metres: the middle file must differ …
        Assert.False(original[0].Geometry.EqualsExact(shifted[0].Geometry, 1e-4));
        // … and the way back must land within a millimetre (1e-8°).
        Assert.True(original[0].Geometry.EqualsExact(back[0].Geometry, 1e-8));
    }

    // bad input

    [Fact]
    public void ATruncatedFileIsRefusedNamingItAndNoOutputIsLeft()
    {
        using var dir = new TempDir();
        var city = dir.File("city.geojson");
        Assert.Equal(0, CliRun.Of("synth", "--output", city).ExitCode);
        var bytes = File.ReadAllBytes(city);
        var truncated = dir.File("truncated.geojson");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);

        var run = CliRun.Of("convert", truncated, dir.File("out.gpkg"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("truncated.geojson", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out.gpkg")));
        Assert.Empty(Directory.GetFiles(dir.Path, "*out*"));
    }

    [Fact]
    public void AnUnknownCoordinateSystemIsAUsageErrorThatListsTheSupportedOnes()
    {
        using var dir = new TempDir();
        var city = dir.File("city.geojson");
        Assert.Equal(0, CliRun.Of("synth", "--output", city).ExitCode);
        var run = CliRun.Of("convert", city, dir.File("out.geojson"), "--to", "EPSG:2000");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("EPSG:4490", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out.geojson")));
    }

    [Fact]
    public void AMissingFileIsAUsageErrorInTheChosenLanguage()
    {
        var run = CliRun.Of("info", "/nonexistent/city.gpkg", "--lang", "zh-CN");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("找不到文件", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnsupportedExtensionIsAUsageError()
    {
        // .kml is read through the GDAL bridge now (issue 10); an extension neither reader knows is still a usage error
        var run = CliRun.Of("info", "city.xyz");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".gpkg", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownOptionIsExitCodeTwo()
    {
        var run = CliRun.Of("info", "city.gpkg", "--no-such-option");
        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }
}
