using System.Text.Json;

namespace Boundaries.Cli.Tests.Commands;

public sealed class CleanTests
{
    [Fact]
    public void CleansDirtyCityWritesLogAndCleaningAgainChangesNothing()
    {
        using var dir = new TempDir();
        var city = dir.File("dirty.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--dirty", "--output", city).ExitCode);
        var truth = JsonDocument.Parse(File.ReadAllText(dir.File("dirty.truth.json"))).RootElement;
        var overlapCodes = truth.GetProperty("defects").EnumerateArray()
            .Single(d => d.GetProperty("class").GetString() == "overlap")
            .GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ToList();

        var run = CliRun.Of("clean", city, "--output", dir.File("clean.gpkg"), "--log", dir.File("log.json"), "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(run.Json().GetProperty("changes").GetInt32() > 0);
        var log = JsonDocument.Parse(File.ReadAllText(dir.File("log.json"))).RootElement.GetProperty("changes").EnumerateArray().ToList();
        var overlap = log.Single(c => c.GetProperty("kind").GetString() == "overlap_resolved");
        Assert.Equal(overlapCodes.Order(), overlap.GetProperty("claimants").EnumerateArray().Select(c => c.GetString()).Order());
        Assert.Contains(overlap.GetProperty("owner").GetString(), overlapCodes);
        Assert.True(overlap.GetProperty("area_m2").GetDouble() > 100);
        Assert.StartsWith("POLYGON", overlap.GetProperty("location").GetString(), StringComparison.Ordinal);

        // GDAL reads the output with every feature; cleaning the output again finds nothing to do.
        var (exit, info, err) = CliRun.Tool("ogrinfo", "-so", "-al", dir.File("clean.gpkg"));
        Assert.True(exit == 0, err);
        Assert.Contains("Layer name: township", info, StringComparison.Ordinal);
        var again = CliRun.Of("clean", dir.File("clean.gpkg"), "--output", dir.File("again.gpkg"), "--format", "json");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(0, again.Json().GetProperty("changes").GetInt32());
    }

    [Fact]
    public void PriorityStrategyGivesOverlapToListedCode()
    {
        using var dir = new TempDir();
        var city = dir.File("dirty.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--dirty", "--output", city).ExitCode);
        var truth = JsonDocument.Parse(File.ReadAllText(dir.File("dirty.truth.json"))).RootElement;
        var codes = truth.GetProperty("defects").EnumerateArray()
            .Single(d => d.GetProperty("class").GetString() == "overlap")
            .GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        foreach (var first in codes)
        {
            var run = CliRun.Of("clean", city, "--output", dir.File("out.geojson"), "--strategy", "priority", "--priority", first, "--log", dir.File("log.json"));
            Assert.True(run.ExitCode == 0, run.Error);
            var overlap = JsonDocument.Parse(File.ReadAllText(dir.File("log.json"))).RootElement.GetProperty("changes").EnumerateArray()
                .Single(c => c.GetProperty("kind").GetString() == "overlap_resolved");
            Assert.Equal(first, overlap.GetProperty("owner").GetString());
        }
    }

    [Fact]
    public void PrintsSummaryInChinese()
    {
        using var dir = new TempDir();
        var city = dir.File("dirty.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--dirty", "--output", city).ExitCode);
        var run = CliRun.Of("clean", city, "--output", dir.File("out.gpkg"), "--lang", "zh-CN");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("消除重叠", run.Out, StringComparison.Ordinal);
        Assert.Contains("填补缝隙", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsUnknownStrategy()
    {
        using var dir = new TempDir();
        var run = CliRun.Of("clean", dir.File("x.gpkg"), "--output", dir.File("y.gpkg"), "--strategy", "largest");
        Assert.Equal(2, run.ExitCode);
    }
}
