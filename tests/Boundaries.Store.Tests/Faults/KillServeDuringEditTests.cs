using System.Globalization;
using System.Net;
using Boundaries.Store.PostGis;
using Boundaries.Store.Tests.Support;
using Npgsql;

namespace Boundaries.Store.Tests.Faults;

/// <summary>
/// <c>boundaries serve --store</c> killed (SIGKILL) while it saves a line edit: the save has written its change set, the
/// first division's versions and audit row, and waits on the second division's row, which the test holds. PostgreSQL
/// rolls the dead server's transaction back: the store holds exactly the old versions; a new server then saves the same
/// edit whole.
/// </summary>
[Collection(FaultTests.Collection)]
public sealed class KillServeDuringEditTests
{
    [Fact]
    public async Task KilledMidSaveTheStoreHoldsTheOldVersionThenTheEditLandsWhole()
    {
        var cs = PostGisServer.CreateDatabase();
        await using (var store = new PostGisBoundaryStore(cs))
        {
            await store.InitializeAsync();
            await store.ImportAsync(Sample.City(), new ChangeSetInfo("张三", "2020 survey", new DateOnly(2020, 1, 1)));
        }
        var oldState = await StoreFingerprint.OfAsync(cs);
        var database = new NpgsqlConnectionStringBuilder(cs).Database;

        using (var serve = CliProcess.Start("serve", "--store", cs, "--urls", "http://127.0.0.1:0"))
        {
            using var http = new HttpClient { BaseAddress = new Uri(await serve.WaitForUrlAsync()) };
            var line = await BoundaryApi.Line001002Async(http);
            await using var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Pooling = false }.ToString());
            await holder.OpenAsync();
            await using var hold = await holder.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM boundaries.divisions WHERE code = '120101002' AND valid_to IS NULL FOR UPDATE", holder, hold))
            {
                Assert.NotNull(await lockRow.ExecuteScalarAsync());
            }
            var pending = BoundaryApi.BendLineAsync(http, line);
            while (!pending.IsCompleted && Count($"datname = '{database}' AND wait_event_type = 'Lock'") == 0)
            {
                await Task.Delay(5);
            }
            if (pending.IsCompleted)
            {
                using var early = await pending;
                Assert.Fail("the edit ended before it reached the held row: " + await early.Content.ReadAsStringAsync());
            }
            // mid-transaction: the server's session has closed 001 and waits to close 002
            Assert.Equal(1L, Count($"datname = '{database}' AND wait_event_type = 'Lock' AND query LIKE 'UPDATE boundaries.divisions%'"));
            serve.KillHard();
            await hold.RollbackAsync();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => pending);
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Count($"datname = '{database}'") > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.Equal(oldState, await StoreFingerprint.OfAsync(cs));

        using (var again = CliProcess.Start("serve", "--store", cs, "--urls", "http://127.0.0.1:0"))
        {
            using var http = new HttpClient { BaseAddress = new Uri(await again.WaitForUrlAsync()) };
            using var saved = await BoundaryApi.BendLineAsync(http, await BoundaryApi.Line001002Async(http));
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        }
        await using var check = new PostGisBoundaryStore(cs);
        var audit = await check.GetAuditAsync();
        var edit = audit.Where(a => a.ChangeSet.Author == "张工").ToList();
        Assert.Equal(["120101001", "120101002"], edit.Select(a => a.Code).Order(StringComparer.Ordinal));
        Assert.All(edit, a => Assert.Equal("replace", a.Action));
        Assert.Single(edit.Select(a => a.ChangeSet.Id).Distinct());
        Assert.Equal(2, (await check.GetHistoryAsync("120101001")).Versions.Length);
        Assert.Equal(2, (await check.GetHistoryAsync("120101002")).Versions.Length);
    }

    private static long Count(string where) => Convert.ToInt64(
        PostGisServer.Scalar(PostGisServer.AdminConnectionString, "SELECT count(*) FROM pg_stat_activity WHERE " + where), CultureInfo.InvariantCulture);
}
