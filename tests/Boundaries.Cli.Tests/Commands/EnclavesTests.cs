using System.Text.Json;

namespace Boundaries.Cli.Tests.Commands;

public sealed class EnclavesTests
{
    [Fact]
    public void FindPlanApply_OnTheSampleCity_ResolvesTheDetachedParts()
    {
        using var dir = new TempDir();
        var city = dir.File("clean.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--output", city).ExitCode);
        var find = CliRun.Of("enclaves", "find", city, "--level", "township", "--format", "json");
        Assert.Equal(0, find.ExitCode);
        var findings = find.Json().EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f =>
        {
            Assert.Contains(f.GetProperty("class").GetString(), new[] { "enclave", "exclave" });
            Assert.Equal(1, f.GetProperty("order").GetInt32());
            Assert.True(f.GetProperty("area_m2").GetDouble() > 1e5);
            Assert.Equal("Polygon", f.GetProperty("geometry").GetProperty("type").GetString());
            Assert.NotEmpty(f.GetProperty("hosts").EnumerateArray());
        });

        var plan = dir.File("plan.json");
        Assert.Equal(0, CliRun.Of("enclaves", "plan", city, "--level", "township", "--output", plan).ExitCode);
        var changes = JsonDocument.Parse(File.ReadAllText(plan)).RootElement.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(findings.Count, changes.Count);
        Assert.All(changes, c => Assert.Equal("TransferToHost", c.GetProperty("kind").GetString()));

        var result = dir.File("new.gpkg");
        var apply = CliRun.Of("enclaves", "apply", city, plan, "--level", "township", "--effective", "2025-01-01", "--output", result);
        Assert.Equal(0, apply.ExitCode);
        var again = CliRun.Of("enclaves", "find", result, "--level", "township", "--format", "json");
        Assert.Empty(again.Json().EnumerateArray());
    }

    [Fact]
    public void Apply_RejectsABadDate()
    {
        using var dir = new TempDir();
        var city = dir.File("clean.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--output", city).ExitCode);
        var plan = dir.File("plan.json");
        Assert.Equal(0, CliRun.Of("enclaves", "plan", city, "--output", plan).ExitCode);
        Assert.Equal(2, CliRun.Of("enclaves", "apply", city, plan, "--effective", "01/02/2025", "--output", dir.File("x.gpkg")).ExitCode);
    }
}
