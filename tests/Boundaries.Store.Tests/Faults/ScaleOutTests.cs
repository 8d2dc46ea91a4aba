using System.Net;
using Boundaries.Store.PostGis;
using Boundaries.Store.Tests.Support;

namespace Boundaries.Store.Tests.Faults;

/// <summary>
/// Scale-out on one machine: two <c>boundaries serve --store</c> processes on one PostGIS database. A line edit through
/// the first is answered by the second after the change notification (<c>NOTIFY boundaries_changed</c>); the second,
/// now holding the new line, refuses an edit based on the old version (409), so two replicas never overwrite each other.
/// </summary>
[Collection(FaultTests.Collection)]
public sealed class ScaleOutTests
{
    [Fact]
    public async Task AnEditThroughOneServerIsServedByTheOtherAfterTheNotification()
    {
        var cs = PostGisServer.CreateDatabase();
        await using (var store = new PostGisBoundaryStore(cs))
        {
            await store.InitializeAsync();
            await store.ImportAsync(Sample.City(), new ChangeSetInfo("张三", "2020 survey", new DateOnly(2020, 1, 1)));
        }
        using var first = CliProcess.Start("serve", "--store", cs, "--urls", "http://127.0.0.1:0");
        using var second = CliProcess.Start("serve", "--store", cs, "--urls", "http://127.0.0.1:0");
        using var a = new HttpClient { BaseAddress = new Uri(await first.WaitForUrlAsync()) };
        using var b = new HttpClient { BaseAddress = new Uri(await second.WaitForUrlAsync()) };
        Assert.Equal("120101002", await BoundaryApi.TownshipAsync(b, 117.105, 39.05));
        var staleLine = await BoundaryApi.Line001002Async(b);
        var versionOfB = await BoundaryApi.VersionAsync(b);

        using (var edit = await BoundaryApi.BendLineAsync(a, await BoundaryApi.Line001002Async(a)))
        {
            Assert.True(edit.StatusCode == HttpStatusCode.OK, await edit.Content.ReadAsStringAsync() + "\n" + first.Error);
        }
        Assert.Equal("120101001", await BoundaryApi.TownshipAsync(a, 117.105, 39.05));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await BoundaryApi.VersionAsync(b) == versionOfB && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.True(await BoundaryApi.VersionAsync(b) > versionOfB, "the second server did not reload within 60 s: " + second.Error);
        Assert.Equal("120101001", await BoundaryApi.TownshipAsync(b, 117.105, 39.05));

        // an edit through the second server based on the line as it was before the first server's edit
        using (var stale = await BoundaryApi.BendLineAsync(b, staleLine with { Coordinates = staleLine.Coordinates }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }
        await using var check = new PostGisBoundaryStore(cs);
        Assert.Equal(2, (await check.GetHistoryAsync("120101002")).Versions.Length);
    }
}
