using System.Text.Json;

namespace Boundaries.Cli.Tests.Commands;

public sealed class SynthAndInfoTests
{
    [Fact]
    public void InfoCountsWhatSynthSaysItBuilt()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        var synth = CliRun.Of("synth", "--seed", "7", "--size", "small", "--output", city);
        Assert.Equal(0, synth.ExitCode);

        var truth = JsonDocument.Parse(File.ReadAllText(dir.File("city.truth.json"))).RootElement;
        var info = CliRun.Of("info", city, "--format", "json");
        Assert.Equal(0, info.ExitCode);
        var json = info.Json();
        Assert.Equal("EPSG:4490", json.GetProperty("crs").GetString());
        Assert.Equal(truth.GetProperty("vertices").GetInt64(), json.GetProperty("vertices").GetInt64());
        foreach (var level in truth.GetProperty("counts").EnumerateObject())
        {
            Assert.Equal(level.Value.GetInt32(), json.GetProperty("levels").GetProperty(level.Name).GetInt32());
        }
    }

    [Fact]
    public void OgrinfoOpensTheCityWithCgcs2000AndTheSameCounts()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--output", city).ExitCode);
        var counts = JsonDocument.Parse(File.ReadAllText(dir.File("city.truth.json"))).RootElement.GetProperty("counts");

        var (exit, output, error) = CliRun.Tool("ogrinfo", "-so", "-al", city);
        Assert.True(exit == 0, error);
        Assert.Contains("ID[\"EPSG\",4490]", output, StringComparison.Ordinal);
        foreach (var level in counts.EnumerateObject())
        {
            var block = output[output.IndexOf($"Layer name: {level.Name}", StringComparison.Ordinal)..];
            Assert.Contains($"Feature Count: {level.Value.GetInt32()}", block[..block.IndexOf("Extent", StringComparison.Ordinal)], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SynthIsDeterministic()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRun.Of("synth", "--seed", "11", "--dirty", "--output", dir.File("a.geojson")).ExitCode);
        Assert.Equal(0, CliRun.Of("synth", "--seed", "11", "--dirty", "--output", dir.File("b.geojson")).ExitCode);
        Assert.Equal(File.ReadAllBytes(dir.File("a.geojson")), File.ReadAllBytes(dir.File("b.geojson")));
        Assert.Equal(File.ReadAllText(dir.File("a.truth.json")), File.ReadAllText(dir.File("b.truth.json")));
    }

    [Fact]
    public void InfoSpeaksChineseWhenAsked()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--output", city).ExitCode);
        var zh = CliRun.Of("info", city, "--lang", "zh-CN");
        Assert.Contains("区划数", zh.Out, StringComparison.Ordinal);
        Assert.Contains("坐标系", zh.Out, StringComparison.Ordinal);
        var en = CliRun.Of("info", city, "--lang", "en");
        Assert.Contains("divisions", en.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("区划数", en.Out, StringComparison.Ordinal);
    }
}
