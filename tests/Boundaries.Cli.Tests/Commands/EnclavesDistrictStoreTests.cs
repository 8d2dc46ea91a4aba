using System.Text.Json;
using Boundaries.Store;

namespace Boundaries.Cli.Tests.Commands;

/// <summary>A district-level plan through <c>enclaves plan|apply --store</c>: the townships go with the district change
/// (a whole township gets a new code under the receiving district, a cut one gives its part to the host township), the
/// result validates with no hierarchy finding, and the store keeps the old codes queryable the day before.</summary>
public sealed class EnclavesDistrictStoreTests
{
    private static readonly string[] Hierarchy = ["outside_parent", "children_do_not_cover_parent", "code_prefix_mismatch", "level_code_mismatch", "duplicate_code", "gap", "overlap"];

    [Fact]
    public async Task DistrictPlan_AppliedToStore_CarriesTownships_WithNewCodes_AndOldOnesStayByDate()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "2", "--district-enclaves", "--output", city).ExitCode);
        var truth = JsonDocument.Parse(File.ReadAllText(dir.File("city.truth.json"))).RootElement.GetProperty("defects").EnumerateArray().ToList();
        var whole = truth.Single(d => d.GetProperty("class").GetString() == "district_enclave_township").GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        var part = truth.Single(d => d.GetProperty("class").GetString() == "district_enclave").GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();

        var store = dir.File("store.gpkg");
        Assert.Equal(0, CliRun.Of("store", "init", "--store", store).ExitCode);
        Assert.Equal(0, CliRun.Of("store", "push", city, "--store", store, "--effective", "2020-01-01").ExitCode);

        var plan = dir.File("plan.json");
        var planRun = CliRun.Of("enclaves", "plan", city, "--level", "district", "--output", plan);
        Assert.True(planRun.ExitCode == 0, planRun.Error);
        var changes = JsonDocument.Parse(File.ReadAllText(plan)).RootElement.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal(["district", "township"], c.GetProperty("levels_affected").EnumerateArray().Select(l => l.GetString()!)));
        var stated = changes.SelectMany(c => c.GetProperty("child_changes").EnumerateArray()).ToList();
        var moved = stated.Single(k => k.GetProperty("old_code").GetString() == whole[0]);
        Assert.Equal("moved", moved.GetProperty("kind").GetString());
        var newCode = moved.GetProperty("new_code").GetString()!;
        Assert.Equal(whole[1][..6], newCode[..6]);
        var merged = stated.Single(k => k.GetProperty("old_code").GetString() == part[0]);
        Assert.Equal(("merged", part[1]), (merged.GetProperty("kind").GetString(), merged.GetProperty("new_code").GetString()));

        var output = dir.File("new.gpkg");
        var report = dir.File("changes.html");
        var run = CliRun.Of("enclaves", "apply", city, plan, "--effective", "2025-01-01", "--output", output,
            "--store", store, "--author", "民政局", "--reason", "津政函〔2025〕2号", "--report", report, "--lang", "zh-CN", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Empty(run.Json().GetProperty("new_errors").EnumerateArray());
        var applied = run.Json().GetProperty("child_changes").EnumerateArray().ToList();
        Assert.Contains(applied, k => k.GetProperty("old_code").GetString() == whole[0] && k.GetProperty("new_code").GetString() == newCode);
        Assert.Contains($"{whole[0]} → {newCode}", run.Error, StringComparison.Ordinal);
        // the receipt: the re-coded township's old code retired, its new code created, the rest replaced
        Assert.Matches(@"变更集 \d+：新增 1，替换 [1-9]\d*，撤销 1，未变 0", run.Error);

        // the written file validates with no hierarchy finding (the existing validator)
        var validation = CliRun.Of("validate", output, "--format", "geojson");
        var codes = validation.Json().GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("code").GetString()).ToList();
        Assert.DoesNotContain(codes, c => Hierarchy.Contains(c));

        // the store: new code in force from the effective date under the receiving district, the old one the day before
        await using (var s = BoundaryStore.Open(store))
        {
            var after = (await s.GetDivisionsAsync(new DateOnly(2025, 1, 1))).Select(d => d.Division).ToList();
            var before = (await s.GetDivisionsAsync(new DateOnly(2024, 12, 31))).Select(d => d.Division).ToList();
            Assert.Equal(whole[1][..6], after.Single(d => d.Code == newCode).ParentCode);
            Assert.DoesNotContain(after, d => d.Code == whole[0]);
            Assert.Equal(whole[0][..6], before.Single(d => d.Code == whole[0]).ParentCode);
            Assert.DoesNotContain(before, d => d.Code == newCode);
            Assert.Equal(2, before.Single(d => d.Code == part[0]).Geometry.NumGeometries);
            Assert.Equal(1, after.Single(d => d.Code == part[0]).Geometry.NumGeometries);
            Assert.Equal(before.Count, after.Count);
        }

        // the change list names the township changes
        var html = File.ReadAllText(report);
        Assert.Contains($"data-old=\"{whole[0]}\" data-new=\"{newCode}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-old=\"{part[0]}\" data-new=\"{part[1]}\"", html, StringComparison.Ordinal);
        Assert.Contains("整建制划入，新代码 " + newCode, html, StringComparison.Ordinal);
        Assert.Contains("涉及层级", html, StringComparison.Ordinal);
    }
}
