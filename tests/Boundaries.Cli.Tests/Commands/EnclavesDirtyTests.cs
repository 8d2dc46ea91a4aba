namespace Boundaries.Cli.Tests.Commands;

/// <summary>Plan and apply on a city with every injected defect: a self-intersecting division must not stop the
/// scoring, and the defects already in the input are not the plan's.</summary>
public sealed class EnclavesDirtyTests
{
    [Fact]
    public void PlanAndApply_OnADirtyCity_BlameOnlyNewErrorsOnThePlan()
    {
        using var dir = new TempDir();
        var city = dir.File("dirty.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--dirty", "--output", city).ExitCode);
        Assert.Equal(1, CliRun.Of("validate", city).ExitCode); // the input has error findings of its own
        var plan = dir.File("plan.json");
        var planned = CliRun.Of("enclaves", "plan", city, "--level", "township", "--output", plan);
        Assert.True(planned.ExitCode == 0, planned.Error);
        var run = CliRun.Of("enclaves", "apply", city, plan, "--level", "township", "--effective", "2025-01-01", "--output", dir.File("new.gpkg"), "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.NotEmpty(run.Json().GetProperty("applied").EnumerateArray());
        Assert.Empty(run.Json().GetProperty("new_errors").EnumerateArray());
        Assert.True(run.Json().GetProperty("findings_after").GetInt32() > 0);
        var again = CliRun.Of("enclaves", "find", dir.File("new.gpkg"), "--level", "township", "--format", "json").Json();
        var before = CliRun.Of("enclaves", "find", city, "--level", "township", "--format", "json").Json();
        Assert.True(again.GetArrayLength() < before.GetArrayLength());
    }
}
