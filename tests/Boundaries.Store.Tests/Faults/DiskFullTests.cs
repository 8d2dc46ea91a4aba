using System.Security.Cryptography;
using Boundaries.Geo.Formats;
using Boundaries.Store.GeoPackage;
using Boundaries.Store.Tests.Support;

namespace Boundaries.Store.Tests.Faults;

/// <summary>
/// Disk full while writing a GeoPackage store: the store lives on a small tmpfs (mounted here; needs root) and a push
/// that runs out of space — once while copying the file, once inside SQLite's transaction on the copy — fails with a
/// clear message (exit 3, "no space left") while the store file stays byte for byte what it was, no copy is left
/// behind, and the same store takes a small write afterwards.
/// </summary>
[Collection(FaultTests.Collection)]
public sealed class DiskFullTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("boundaries-disk-full-").FullName;
    private readonly string _mount;

    public DiskFullTests()
    {
        _mount = Path.Combine(_dir, "small");
        Directory.CreateDirectory(_mount);
    }

    [Theory]
    [InlineData("copy")]
    [InlineData("transaction")]
    public async Task APushThatRunsOutOfSpaceFailsClearlyAndLeavesTheFileIntact(string where)
    {
        var built = Path.Combine(_dir, "store.gpkg");
        await using (var store = new GeoPackageBoundaryStore(built))
        {
            await store.InitializeAsync();
            await store.ImportAsync(Sample.City(), new ChangeSetInfo("张三", "2020 survey", new DateOnly(2020, 1, 1)));
        }
        var size = new FileInfo(built).Length;
        // "copy": room for the store but not for its copy; "transaction": room for both, not for 20 MB more
        var room = where == "copy" ? size + (size / 2) : (2 * size) + 256 * 1024;
        Mount(room);
        var path = Path.Combine(_mount, "store.gpkg");
        File.Copy(built, path);
        var before = SHA256.HashData(await File.ReadAllBytesAsync(path));
        var big = Path.Combine(_dir, "big.gpkg");
        DivisionFiles.Write(Sample.Many(20000, 20), big);

        var (exit, _, error) = CliProcess.Run("store", "push", big, "--store", path, "--effective", "2021-01-01");
        Assert.True(exit == 3, $"exit {exit}: {error}");
        Assert.Contains("no space left", error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(path, error, StringComparison.Ordinal);
        // where it ran out: the copy (ENOSPC from the file system) or SQLite's write on the copy (SQLITE_FULL)
        Assert.Contains(where == "copy" ? "No space left on device" : "database or disk is full", error, StringComparison.Ordinal);
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(path)));
        Assert.Empty(Directory.EnumerateFiles(_mount, "*.tmp*"));

        var zh = CliProcess.Run("--lang", "zh-CN", "store", "push", big, "--store", path, "--effective", "2021-01-01");
        Assert.Equal(3, zh.Exit);
        Assert.Contains("磁盘空间不足", zh.Err, StringComparison.Ordinal);

        await using (var store = new GeoPackageBoundaryStore(path))
        {
            Assert.Equal(5, (await store.GetDivisionsAsync(new DateOnly(2024, 1, 1))).Length);
            if (where == "transaction")
            {
                var small = await store.ImportAsync(Sample.Many(3, 5), new ChangeSetInfo("李四", "after the disk-full", new DateOnly(2021, 1, 1)));
                Assert.Equal(3, small.Created);
            }
        }
    }

    private void Mount(long bytes)
    {
        var (exit, _, error) = Tools.Run("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", _mount);
        Assert.True(exit == 0, "mounting a tmpfs needs root: " + error);
    }

    public void Dispose()
    {
        Tools.Run("umount", _mount);
        Directory.Delete(_dir, recursive: true);
    }
}
