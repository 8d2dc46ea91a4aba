using System.Collections.Concurrent;
using Boundaries.Store.PostGis;
using Boundaries.Store.Tests.Support;

namespace Boundaries.Store.Tests.PostGis;

/// <summary>
/// A server restart under a warm connection pool and a live subscription. Runs on a private server (its own port and
/// directory, started and stopped here by scripts/postgis.sh) so the shared test server is never restarted under other tests.
/// </summary>
public sealed class PostGisRestartTests
{
    private static readonly Dictionary<string, string> Private = new()
    {
        ["BOUNDARIES_PG_PORT"] = "55437",
        ["BOUNDARIES_PG_DIR"] = "/tmp/boundaries-pg-restart-test",
    };

    [Fact]
    public async Task NextCallsSucceedAfterRestart()
    {
        var admin = PostGisServer.RunScript("start", Private);
        try
        {
            PostGisServer.Execute(admin, "DROP DATABASE IF EXISTS restart_test");
            PostGisServer.Execute(admin, "CREATE DATABASE restart_test");
            var cs = PostGisServer.With(admin, "restart_test");
            await using var store = new PostGisBoundaryStore(cs);
            await store.InitializeAsync();
            await store.ImportAsync(Sample.City(), new ChangeSetInfo("a", "b", new DateOnly(2020, 1, 1)));
            // warm the pool with several connections
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.GetDivisionsAsync()));
            var changes = new BlockingCollection<StoreChange>();
            await using var subscription = await store.SubscribeAsync(changes.Add);

            PostGisServer.RunScript("restart", Private);

            Assert.Equal(5, (await store.GetDivisionsAsync()).Length);
            // the subscription reconnects, says it may have missed changes, then delivers new ones
            Assert.True(changes.TryTake(out var resync, TimeSpan.FromSeconds(15)), "no resync notice after the restart");
            Assert.Null(resync!.ChangeSetId);
            var receipt = await store.ImportAsync(Sample.Changed2023(), new ChangeSetInfo("a", "c", new DateOnly(2023, 7, 1)));
            Assert.Equal(2, receipt.Replaced);
            Assert.True(changes.TryTake(out var after, TimeSpan.FromSeconds(10)), "no notification after reconnecting");
            Assert.Equal(receipt.ChangeSetId, after!.ChangeSetId);
        }
        finally
        {
            PostGisServer.RunScript("stop", Private);
        }
    }
}
