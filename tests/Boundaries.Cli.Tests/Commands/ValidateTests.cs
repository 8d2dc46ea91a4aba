using System.Text.Json;

namespace Boundaries.Cli.Tests.Commands;

public sealed class ValidateTests
{
    [Fact]
    public void FindsTheInjectedDefectsAsGeoJsonAndExitsOne()
    {
        using var dir = new TempDir();
        var city = dir.File("dirty.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "2", "--dirty", "--output", city).ExitCode);
        var truth = JsonDocument.Parse(File.ReadAllText(dir.File("dirty.truth.json"))).RootElement.GetProperty("defects").EnumerateArray().ToList();

        var run = CliRun.Of("validate", city, "--format", "geojson");
        Assert.Equal(1, run.ExitCode);
        var features = run.Json().GetProperty("features").EnumerateArray().ToList();
        var codes = features.Select(f => f.GetProperty("properties").GetProperty("code").GetString()).ToHashSet();
        foreach (var expected in new[] { "gap", "overlap", "sliver", "near_miss_edge", "self_intersection", "outside_parent", "empty_name", "malformed_code", "duplicate_code" })
        {
            Assert.Contains(expected, codes);
        }
        var gap = truth.Single(d => d.GetProperty("class").GetString() == "gap").GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ToList();
        var gapFeature = features.Single(f => f.GetProperty("properties").GetProperty("code").GetString() == "gap"
            && f.GetProperty("properties").GetProperty("divisions").EnumerateArray().Select(c => c.GetString()).Order().SequenceEqual(gap.Order()));
        Assert.Equal("Polygon", gapFeature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal("error", gapFeature.GetProperty("properties").GetProperty("severity").GetString());
        Assert.True(gapFeature.GetProperty("properties").GetProperty("measure").GetDouble() > 1000);
    }

    [Fact]
    public void ACleanCityPassesWithExitZero()
    {
        using var dir = new TempDir();
        var city = dir.File("clean.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--output", city).ExitCode);
        var run = CliRun.Of("validate", city, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, run.Json().GetProperty("findings").GetArrayLength());
        var counts = JsonDocument.Parse(File.ReadAllText(dir.File("clean.truth.json"))).RootElement.GetProperty("counts");
        Assert.Equal(counts.EnumerateObject().Sum(c => c.Value.GetInt32()), run.Json().GetProperty("divisions").GetInt32());
    }

    [Fact]
    public void AcceptedExceptionsAndDisabledRulesLeaveNoErrors()
    {
        using var dir = new TempDir();
        var city = dir.File("dirty.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "2", "--dirty", "--output", city).ExitCode);
        var first = CliRun.Of("validate", city, "--format", "json").Json();
        var errors = first.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("severity").GetString() == "error").ToList();
        // Accept every error finding except the gap by its exact divisions; switch the gap rule off.
        var accepted = errors.Where(f => f.GetProperty("code").GetString() != "gap")
            .Select(f => new { code = f.GetProperty("code").GetString(), divisions = f.GetProperty("divisions").EnumerateArray().Select(d => d.GetString()).ToArray() });
        File.WriteAllText(dir.File("exceptions.json"), JsonSerializer.Serialize(new { exceptions = accepted }));
        var run = CliRun.Of("validate", city, "--format", "json", "--exceptions", dir.File("exceptions.json"), "--disable", "gap");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(errors.Count(f => f.GetProperty("code").GetString() != "gap"), run.Json().GetProperty("accepted").GetArrayLength());
        Assert.DoesNotContain(run.Json().GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "gap");
    }

    [Fact]
    public void AnUnknownCodeIsAUsageError()
    {
        using var dir = new TempDir();
        var city = dir.File("clean.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--output", city).ExitCode);
        var run = CliRun.Of("validate", city, "--disable", "gaps", "--lang", "en");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'gaps' is not a finding code", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesAnHtmlReportInEitherLanguage()
    {
        using var dir = new TempDir();
        var city = dir.File("dirty.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "1", "--dirty", "--output", city).ExitCode);
        Assert.Equal(1, CliRun.Of("validate", city, "--report", dir.File("en.html"), "--lang", "en", "--output", dir.File("out.txt")).ExitCode);
        Assert.Equal(1, CliRun.Of("validate", city, "--report", dir.File("zh.html"), "--lang", "zh-CN", "--output", dir.File("out.txt")).ExitCode);
        var en = File.ReadAllText(dir.File("en.html"));
        var zh = File.ReadAllText(dir.File("zh.html"));
        Assert.Contains("<h1>Boundary validation report</h1>", en, StringComparison.Ordinal);
        Assert.Contains("<h1>界线检查报告</h1>", zh, StringComparison.Ordinal);
        foreach (var html in new[] { en, zh })
        {
            Assert.Contains("<table id=\"counts\">", html, StringComparison.Ordinal);
            Assert.Contains("<figure id=\"overlap\">", html, StringComparison.Ordinal);
            Assert.Contains("<svg", html, StringComparison.Ordinal);
            Assert.Contains("href=\"geo:", html, StringComparison.Ordinal);
            Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        Assert.Contains("区划重叠", zh, StringComparison.Ordinal);
        // Finding details in the report's language too.
        Assert.Contains("相互重叠", zh, StringComparison.Ordinal);
        Assert.DoesNotContain(" overlap by ", zh, StringComparison.Ordinal);
        Assert.Contains(" overlap by ", en, StringComparison.Ordinal);
        Assert.DoesNotContain("相互重叠", en, StringComparison.Ordinal);
        Assert.Contains("self_intersection", File.ReadAllText(dir.File("out.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void PrintsFindingsInChinese()
    {
        using var dir = new TempDir();
        var city = dir.File("dirty.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "1", "--dirty", "--output", city).ExitCode);
        var run = CliRun.Of("validate", city, "--lang", "zh-CN");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("错误 gap（区划间缝隙）", run.Out, StringComparison.Ordinal);
        Assert.Contains("平方米的缝隙", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("gap of ", run.Out, StringComparison.Ordinal);
        var english = CliRun.Of("validate", city, "--lang", "en");
        Assert.Contains("gap of ", english.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("平方米的缝隙", english.Out, StringComparison.Ordinal);
    }
}
