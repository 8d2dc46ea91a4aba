using System.Diagnostics;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using Boundaries.Store.GeoPackage;
using Boundaries.Store.Tests.Support;

namespace Boundaries.Store.Tests.GeoPackage;

/// <summary>What only the GeoPackage store has: a file GDAL opens, and a write that survives the writer being killed.</summary>
public sealed class GeoPackageSpecificTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("boundaries-gpkg-").FullName;

    [Fact]
    public async Task OgrinfoOpensEveryLayerInEpsg4490WithSpatialIndex()
    {
        var path = Path.Combine(_dir, "city.gpkg");
        await using (var store = new GeoPackageBoundaryStore(path))
        {
            await store.InitializeAsync();
            await store.ImportAsync(Sample.City(), new ChangeSetInfo("a", "b", new DateOnly(2020, 1, 1)));
            await store.ImportAsync(Sample.Changed2023(), new ChangeSetInfo("a", "c", new DateOnly(2023, 7, 1)));
        }
        var (exit, output, error) = Tools.Run("ogrinfo", "-ro", "-so", "-al", path);
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("ERROR", error, StringComparison.Ordinal);
        foreach (var level in DivisionLevels.All)
        {
            Assert.Contains($"Layer name: {level.Name()}", output, StringComparison.Ordinal);
        }
        Assert.Contains("Layer name: change_sets", output, StringComparison.Ordinal);
        Assert.Contains("Layer name: audit", output, StringComparison.Ordinal);
        // 4 townships + 2 replacements
        Assert.Matches(@"Layer name: township\n(?:.*\n){0,3}Geometry: Unknown \(any\)\nFeature Count: 6\n", output);
        // every level layer and the five feature layers of schema 2 (and only those) carry CGCS2000
        foreach (var layer in new[] { "lines", "nodes", "markers", "survey_points", "findings" })
        {
            Assert.Contains($"Layer name: {layer}", output, StringComparison.Ordinal);
        }
        Assert.Matches(@"Layer name: lines\n(?:.*\n){0,3}Geometry: Line String\n", output);
        Assert.Matches(@"Layer name: markers\n(?:.*\n){0,3}Geometry: Point\n", output);
        Assert.Equal(DivisionLevels.All.Count + 5, output.Split("ID[\"EPSG\",4490]").Length - 1);
        Assert.Matches(@"Layer name: audit\n(?:.*\n){0,3}Geometry: None\nFeature Count: 7\n", output);

        var (_, rtree, rtreeError) = Tools.Run("ogrinfo", "-ro", path, "-sql", "SELECT HasSpatialIndex('township', 'geom') AS has_index");
        Assert.Contains("HasSpatialIndex (Integer) = 1", rtree, StringComparison.Ordinal);
        Assert.DoesNotContain("ERROR", rtreeError, StringComparison.Ordinal);
        var (_, window, _) = Tools.Run("ogrinfo", "-ro", "-q", path, "township", "-spat", "117.13", "39.01", "117.14", "39.02");
        Assert.Equal(2, window.Split("code (String) = 120101002").Length - 1); // the 2020 and 2023 versions of 002
    }

    [Fact]
    public async Task ProcessKilledMidWriteLeavesThePreviousFile()
    {
        var path = Path.Combine(_dir, "store.gpkg");
        await using (var store = new GeoPackageBoundaryStore(path))
        {
            await store.InitializeAsync();
            await store.ImportAsync(Sample.City(), new ChangeSetInfo("a", "before", new DateOnly(2020, 1, 1)));
        }
        var big = Path.Combine(_dir, "big.gpkg");
        DivisionFiles.Write(Sample.Many(40000, 20), big);
        var before = await File.ReadAllBytesAsync(path);

        var cli = Path.Combine(AppContext.BaseDirectory, "boundaries.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { cli, "store", "push", big, "--store", path, "--effective", "2021-01-01" })
        {
            info.ArgumentList.Add(a);
        }
        using var child = Process.Start(info)!;
        // kill once the writer is well inside its transaction: its copy has an SQLite journal and has grown by 1 MB of the
        // about 20 MB the load of 40 000 divisions adds (SQLite journals only the pages it changes)
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!child.HasExited && DateTime.UtcNow < deadline && !MidTransaction(before.Length + 1_000_000))
        {
            Thread.Sleep(2);
        }
        if (child.HasExited)
        {
            Assert.Fail("the push ended before it could be killed: " + child.StandardError.ReadToEnd());
        }
        child.Kill(entireProcessTree: true);
        child.WaitForExit();
        Assert.NotEmpty(Directory.EnumerateFiles(_dir, ".store.gpkg.*.tmp")); // the dead writer's copy, left behind

        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        var (exit, output, error) = Tools.Run("ogrinfo", "-ro", "-so", path, "township");
        Assert.True(exit == 0, error);
        Assert.Contains("Feature Count: 4", output, StringComparison.Ordinal);
        await using (var store = new GeoPackageBoundaryStore(path))
        {
            Assert.Equal(5, (await store.GetDivisionsAsync(new DateOnly(2024, 1, 1))).Length);
            Assert.Single(await store.GetAuditAsync(null).ContinueWith(t => t.Result.Select(a => a.ChangeSet.Id).Distinct().ToArray()));
            // the next writer clears the dead writer's copy and succeeds
            var retry = await store.ImportAsync(Sample.Many(10, 10), new ChangeSetInfo("a", "retry", new DateOnly(2021, 1, 1)));
            Assert.Equal(10, retry.Created);
        }
        Assert.Empty(Directory.EnumerateFiles(_dir, ".store.gpkg.*"));
    }

    [Fact]
    public async Task APlainGeoPackageIsNotAStore()
    {
        var path = Path.Combine(_dir, "plain.gpkg");
        DivisionFiles.Write(Sample.City(), path);
        await using var store = new GeoPackageBoundaryStore(path);
        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetDivisionsAsync());
        Assert.Contains("not a boundaries store", e.Message, StringComparison.Ordinal);
    }

    private bool MidTransaction(long size)
    {
        var copies = Directory.EnumerateFiles(_dir, ".store.gpkg.*.tmp").ToList();
        return copies.Count == 1 && File.Exists(copies[0] + "-journal") && new FileInfo(copies[0]).Length > size;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
