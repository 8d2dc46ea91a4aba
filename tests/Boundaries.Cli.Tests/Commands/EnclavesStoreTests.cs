using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;
using Boundaries.Store;

namespace Boundaries.Cli.Tests.Commands;

/// <summary><c>enclaves apply --store</c>: the plan lands in a GeoPackage store as one dated change set.</summary>
public sealed class EnclavesStoreTests
{
    [Fact]
    public async Task ApplyToStore_ResolvesTheEnclavesFromTheEffectiveDate_AndKeepsThePreviousVersionsByDate()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--output", city).ExitCode);
        var store = dir.File("store.gpkg");
        Assert.Equal(0, CliRun.Of("store", "init", "--store", store).ExitCode);
        Assert.Equal(0, CliRun.Of("store", "push", city, "--store", store, "--effective", "2020-01-01").ExitCode);
        var found = CliRun.Of("enclaves", "find", city, "--level", "township", "--format", "json").Json().GetArrayLength();
        Assert.True(found > 0, "the generated city has enclaves");
        Assert.Equal(found, (await Findings(store, new DateOnly(2024, 12, 31))).Length);

        var plan = dir.File("plan.json");
        Assert.Equal(0, CliRun.Of("enclaves", "plan", city, "--level", "township", "--output", plan).ExitCode);
        var run = CliRun.Of("enclaves", "apply", city, plan, "--level", "township", "--effective", "2025-01-01", "--output", dir.File("new.gpkg"),
            "--store", store, "--author", "民政局", "--reason", "津政函〔2025〕1号", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var changeSet = run.Json().GetProperty("change_set").GetInt64();
        var changed = run.Json().GetProperty("changed").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
        Assert.NotEmpty(changed);
        Assert.Empty(run.Json().GetProperty("new_errors").EnumerateArray());

        // in force from the effective date: no enclaves; the day before: the old versions with all of them
        Assert.Empty((await Findings(store, new DateOnly(2025, 1, 1))));
        Assert.Equal(found, (await Findings(store, new DateOnly(2024, 12, 31))).Length);

        foreach (var code in changed.Take(3))
        {
            var history = CliRun.Of("store", "history", code, "--store", store, "--format", "json");
            Assert.Equal(0, history.ExitCode);
            var sets = history.Json().GetProperty("change_sets").EnumerateArray().ToList();
            Assert.Contains(sets, s => s.GetProperty("id").GetInt64() == changeSet);
            var versions = history.Json().GetProperty("versions").EnumerateArray().ToList();
            Assert.Equal(2, versions.Count);
            Assert.Contains(versions, v => v.GetProperty("created_by").GetInt64() == changeSet && v.GetProperty("valid_from").GetString() == "2025-01-01");
            Assert.Contains(versions, v => v.GetProperty("valid_to").GetString() == "2025-01-01");
        }
        Assert.Contains("津政函〔2025〕1号", CliRun.Of("store", "history", changed[0], "--store", store).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyToStore_WithoutTheDivisionsStored_WritesNothing()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--output", city).ExitCode);
        var store = dir.File("empty.gpkg");
        Assert.Equal(0, CliRun.Of("store", "init", "--store", store).ExitCode);
        var plan = dir.File("plan.json");
        Assert.Equal(0, CliRun.Of("enclaves", "plan", city, "--level", "township", "--output", plan).ExitCode);
        var run = CliRun.Of("enclaves", "apply", city, plan, "--level", "township", "--effective", "2025-01-01", "--output", dir.File("new.gpkg"), "--store", store);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no version in force", run.Error, StringComparison.Ordinal);
        await using var s = BoundaryStore.Open(store);
        Assert.Empty(await s.GetDivisionsAsync(new DateOnly(2025, 1, 1)));
    }

    private static async Task<System.Collections.Immutable.ImmutableArray<EnclaveFinding>> Findings(string store, DateOnly at)
    {
        await using var s = BoundaryStore.Open(store);
        var divisions = await s.GetDivisionsAsync(at);
        Assert.NotEmpty(divisions);
        var set = new DivisionSet([.. divisions.Select(d => d.Division)], Boundaries.Geo.Crs.CrsCode.Cgcs2000);
        return EnclaveFinder.Find(set, EnclaveOptions.Default with { Level = DivisionLevel.Township });
    }
}
