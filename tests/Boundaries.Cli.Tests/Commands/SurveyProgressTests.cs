using System.Text.Json;

namespace Boundaries.Cli.Tests.Commands;

/// <summary><c>boundaries synth --survey</c> then <c>boundaries survey progress</c>, checked against the generated truth.json.</summary>
public sealed class SurveyProgressTests
{
    [Fact]
    public void ProgressMatchesTheGeneratedTruth()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "2", "--survey", "--output", city).ExitCode);
        var survey = dir.File("city.survey");
        var run = CliRun.Of("survey", "progress", "--boundaries", city, "--survey", survey, "--format", "json");
        Assert.Equal(1, run.ExitCode); // the generator sets some markers out of place
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(survey, "truth.json")));
        var lines = run.Json().GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetInt32());
        var truthLines = truth.RootElement.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(truthLines.Count, lines.Count);
        foreach (var t in truthLines)
        {
            var line = lines[t.GetProperty("id").GetInt32()];
            Assert.Equal(t.GetProperty("code").GetString(), line.GetProperty("code").GetString());
            Assert.Equal(t.GetProperty("verified_share").GetDouble(), line.GetProperty("share").GetDouble(), 0.01);
        }
        var outOfTolerance = truth.RootElement.GetProperty("markers").EnumerateArray()
            .Where(m => m.GetProperty("out_of_tolerance").GetBoolean()).Select(m => m.GetProperty("number").GetString()).Order().ToList();
        var found = run.Json().GetProperty("markers").EnumerateArray()
            .Where(m => m.GetProperty("within_tolerance").GetBoolean() == false).Select(m => m.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(outOfTolerance, found);
        Assert.NotEmpty(run.Json().GetProperty("lines_to_walk").EnumerateArray());
        var share = run.Json().GetProperty("city").GetProperty("share").GetDouble();
        Assert.InRange(share, 0.5, 0.99);
    }

    [Fact]
    public void SummarisesInChinese()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "2", "--survey", "--output", city).ExitCode);
        var run = CliRun.Of("survey", "progress", "--boundaries", city, "--survey", dir.File("city.survey"), "--lang", "zh-CN");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("现地勘定", run.Out, StringComparison.Ordinal);
        Assert.Contains("超限", run.Error, StringComparison.Ordinal);
    }
}
