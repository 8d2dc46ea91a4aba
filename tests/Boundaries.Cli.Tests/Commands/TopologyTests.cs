namespace Boundaries.Cli.Tests.Commands;

public sealed class TopologyTests
{
    [Fact]
    public void WritesLinesAndNodesThatOgrinfoReads()
    {
        using var dir = new TempDir();
        var city = dir.File("clean.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--output", city).ExitCode);
        var run = CliRun.Of("topology", city, "--output", dir.File("topo.gpkg"), "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Json().GetProperty("lines").GetInt32();
        var tri = run.Json().GetProperty("tri_junctions").GetInt32();
        Assert.True(lines > 40 && tri > 10, run.Out);
        var (exit, info, _) = CliRun.Tool("ogrinfo", "-ro", "-q", dir.File("topo.gpkg"), "-sql",
            "SELECT COUNT(*) AS n, SUM(CASE WHEN \"right\" IS NULL THEN 1 ELSE 0 END) AS outer FROM lines");
        Assert.Equal(0, exit);
        Assert.Contains($"n (Integer) = {lines}", info, StringComparison.Ordinal);
        var (_, nodes, _) = CliRun.Tool("ogrinfo", "-ro", "-q", dir.File("topo.gpkg"), "-sql", "SELECT COUNT(*) AS t FROM nodes WHERE tri_junction = 1");
        Assert.Contains($"t (Integer) = {tri}", nodes, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesGeoJsonThatOgrinfoReadsWithTheSameCounts()
    {
        using var dir = new TempDir();
        var city = dir.File("clean.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--output", city).ExitCode);
        var run = CliRun.Of("topology", city, "--output", dir.File("topo.geojson"), "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Json().GetProperty("lines").GetInt32();
        var tri = run.Json().GetProperty("tri_junctions").GetInt32();

        // GDAL is the oracle: it reads the collection and counts by the layer property.
        var (exit, info, error) = CliRun.Tool("ogrinfo", "-ro", "-q", dir.File("topo.geojson"), "-sql",
            "SELECT COUNT(*) AS n FROM topo WHERE layer = 'lines'");
        Assert.True(exit == 0, error);
        Assert.Contains($"n (Integer) = {lines}", info, StringComparison.Ordinal);
        var (_, nodes, _) = CliRun.Tool("ogrinfo", "-ro", "-q", dir.File("topo.geojson"), "-sql",
            "SELECT COUNT(*) AS t FROM topo WHERE layer = 'nodes' AND tri_junction = 1");
        Assert.Contains($"t (Integer) = {tri}", nodes, StringComparison.Ordinal);

        // the lines agree with the GeoPackage output line for line
        Assert.Equal(0, CliRun.Of("topology", city, "--output", dir.File("topo.gpkg")).ExitCode);
        var (_, lengths, _) = CliRun.Tool("ogrinfo", "-ro", "-q", dir.File("topo.geojson"), "-sql",
            "SELECT SUM(length_m) AS s FROM topo WHERE layer = 'lines'");
        var (_, gpkgLengths, _) = CliRun.Tool("ogrinfo", "-ro", "-q", dir.File("topo.gpkg"), "-sql", "SELECT SUM(length_m) AS s FROM lines");
        Assert.Equal(Sum(gpkgLengths), Sum(lengths), 0.01);
    }

    private static double Sum(string ogrinfo)
    {
        var line = ogrinfo.Split('\n').First(l => l.Contains("s (Real) =", StringComparison.Ordinal));
        return double.Parse(line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void RequiresAnOutput()
    {
        using var dir = new TempDir();
        var city = dir.File("clean.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--output", city).ExitCode);
        Assert.Equal(2, CliRun.Of("topology", city).ExitCode);
    }
}
