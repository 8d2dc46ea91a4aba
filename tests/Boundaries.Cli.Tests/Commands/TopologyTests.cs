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
    public void RequiresAnOutput()
    {
        using var dir = new TempDir();
        var city = dir.File("clean.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--output", city).ExitCode);
        Assert.Equal(2, CliRun.Of("topology", city).ExitCode);
    }
}
