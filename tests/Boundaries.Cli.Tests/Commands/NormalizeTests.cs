using System.Text.Json;

namespace Boundaries.Cli.Tests.Commands;

public sealed class NormalizeTests
{
    [Fact]
    public void RepairsTheInjectedSelfIntersectionAndNamesItsDivision()
    {
        using var dir = new TempDir();
        var city = dir.File("dirty.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "2", "--dirty", "--output", city).ExitCode);
        var truth = JsonDocument.Parse(File.ReadAllText(dir.File("dirty.truth.json"))).RootElement;
        var bowTie = truth.GetProperty("defects").EnumerateArray()
            .Single(d => d.GetProperty("class").GetString() == "self_intersection")
            .GetProperty("codes")[0].GetString();

        var run = CliRun.Of("normalize", city, dir.File("clean.gpkg"), "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var repairs = run.Json().GetProperty("changes").EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == "InvalidRepaired")
            .Select(c => c.GetProperty("code").GetString())
            .ToList();
        Assert.Contains(bowTie, repairs);

        // The written result is clean: normalizing it again changes nothing.
        var again = CliRun.Of("normalize", dir.File("clean.gpkg"), "--format", "json");
        Assert.Equal(0, again.Json().GetProperty("changes").GetArrayLength());
    }

    [Fact]
    public void ReportsRepairsInChinese()
    {
        using var dir = new TempDir();
        var city = dir.File("dirty.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "2", "--dirty", "--output", city).ExitCode);
        var run = CliRun.Of("normalize", city, "--lang", "zh-CN");
        Assert.Contains("已修复自相交", run.Out, StringComparison.Ordinal);
    }
}
