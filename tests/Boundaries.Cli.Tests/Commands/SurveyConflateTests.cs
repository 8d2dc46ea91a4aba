using System.Text.Json;

namespace Boundaries.Cli.Tests.Commands;

/// <summary><c>boundaries survey conflate</c> on a generated city and survey, with and without a GeoPackage store.</summary>
public sealed class SurveyConflateTests
{
    [Fact]
    public void RefusesTheDisplacedMarkersAndWritesAValidCoverage()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "2", "--survey", "--output", city).ExitCode);
        var survey = dir.File("city.survey");
        var output = dir.File("conflated.gpkg");
        var run = CliRun.Of("survey", "conflate", "--boundaries", city, "--survey", survey, "--output", output, "--max-shift", "0.5", "--format", "json");
        Assert.Equal(1, run.ExitCode);
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(survey, "truth.json")));
        var displaced = truth.RootElement.GetProperty("markers").EnumerateArray()
            .Where(m => m.GetProperty("out_of_tolerance").GetBoolean()).Select(m => m.GetProperty("number").GetString()).Order(StringComparer.Ordinal).ToList();
        var refused = run.Json().GetProperty("refused").EnumerateArray().ToList();
        Assert.Equal(displaced, refused.Select(r => r.GetProperty("id").GetString()).ToList());
        Assert.All(refused, r => Assert.Equal("BeyondMaxShift", r.GetProperty("reason").GetString()));
        Assert.NotEmpty(run.Json().GetProperty("lines").EnumerateArray());
        Assert.Contains("farther from its line", run.Error, StringComparison.Ordinal);
        // the written divisions validate clean (exit 0 = no error findings)
        var validate = CliRun.Of("validate", output);
        Assert.True(validate.ExitCode == 0, validate.Error + validate.Out);
    }

    [Fact]
    public void AppliesTheChangesToAStoreAsOneChangeSet()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "2", "--survey", "--output", city).ExitCode);
        var store = dir.File("store.gpkg");
        Assert.Equal(0, CliRun.Of("store", "init", "--store", store).ExitCode);
        Assert.Equal(0, CliRun.Of("store", "push", city, "--store", store, "--effective", "2020-01-01").ExitCode);
        var run = CliRun.Of("survey", "conflate", "--boundaries", city, "--survey", dir.File("city.survey"), "--output", dir.File("out.geojson"),
            "--store", store, "--author", "测绘队", "--reason", "现地勘定 2024", "--effective", "2024-06-01", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var changeSet = run.Json().GetProperty("change_set").GetInt64();
        var changed = run.Json().GetProperty("divisions").EnumerateArray().Select(d => d.GetProperty("code").GetString()!).ToList();
        Assert.NotEmpty(changed);
        var history = CliRun.Of("store", "history", changed[0], "--store", store, "--format", "json");
        Assert.Equal(0, history.ExitCode);
        var sets = history.Json().GetProperty("change_sets").EnumerateArray().ToList();
        Assert.Contains(sets, s => s.GetProperty("id").GetInt64() == changeSet);
        var versions = history.Json().GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        Assert.Contains(versions, v => v.GetProperty("created_by").GetInt64() == changeSet && v.GetProperty("valid_from").GetString() == "2024-06-01");
        Assert.Contains(versions, v => v.GetProperty("valid_to").GetString() == "2024-06-01");
        var text = CliRun.Of("store", "history", changed[0], "--store", store);
        Assert.Contains("现地勘定 2024", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void SummarisesInChinese()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "2", "--survey", "--output", city).ExitCode);
        var run = CliRun.Of("survey", "conflate", "--boundaries", city, "--survey", dir.File("city.survey"), "--output", dir.File("o.gpkg"),
            "--max-shift", "0.5", "--lang", "zh-CN");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("界线修正", run.Error, StringComparison.Ordinal);
        Assert.Contains("偏离界线超过最大移动距离", run.Error, StringComparison.Ordinal);
    }
}
