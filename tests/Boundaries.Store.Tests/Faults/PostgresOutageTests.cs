using System.Net;
using System.Text.Json;
using Boundaries.Store.PostGis;
using Boundaries.Store.Tests.Support;

namespace Boundaries.Store.Tests.Faults;

/// <summary>
/// PostgreSQL stopped and started again under load: <c>boundaries serve --store</c> (a child process) keeps answering
/// lookups from memory with no error while a load loop runs; a line edit during the outage is refused with a 503
/// problem (store unavailable, nothing saved) and the same edit succeeds once PostgreSQL is back. Runs on a private
/// server (its own port and directory, scripts/postgis.sh) so no other test's database is stopped.
/// </summary>
[Collection(FaultTests.Collection)]
public sealed class PostgresOutageTests
{
    private static readonly Dictionary<string, string> Private = new()
    {
        ["BOUNDARIES_PG_PORT"] = "55448",
        ["BOUNDARIES_PG_DIR"] = "/tmp/boundaries-pg-outage-test",
    };

    [Fact]
    public async Task LookupsGoOnFromMemoryAndAWriteFailsClearlyThenSucceedsAfterRestart()
    {
        var admin = PostGisServer.RunScript("start", Private);
        try
        {
            PostGisServer.Execute(admin, "DROP DATABASE IF EXISTS outage_test");
            PostGisServer.Execute(admin, "CREATE DATABASE outage_test");
            var cs = PostGisServer.With(admin, "outage_test");
            await using (var store = new PostGisBoundaryStore(cs))
            {
                await store.InitializeAsync();
                await store.ImportAsync(Sample.City(), new ChangeSetInfo("张三", "2020 survey", new DateOnly(2020, 1, 1)));
            }

            using var serve = CliProcess.Start("serve", "--store", cs, "--urls", "http://127.0.0.1:0");
            var url = await serve.WaitForUrlAsync();
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            Assert.Equal("120101002", await BoundaryApi.TownshipAsync(http, 117.105, 39.05));
            var line = await BoundaryApi.Line001002Async(http);

            await using var load = new LookupLoad(url, connections: 2);
            await load.AnsweredAtLeastAsync(200);

            PostGisServer.RunScript("pause", Private);
            var answeredBeforeOutage = load.Answered;
            using (var refused = await BoundaryApi.BendLineAsync(http, line))
            {
                var body = await refused.Content.ReadAsStringAsync();
                Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"{refused.StatusCode}: {body}");
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
                using var problem = JsonDocument.Parse(body);
                Assert.Equal("urn:boundaries:problem:store-unavailable", problem.RootElement.GetProperty("type").GetString());
                Assert.Contains("not saved", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
                Assert.True(refused.Headers.Contains("Retry-After"));
            }
            // still answered from memory, the old boundary, while the database is down
            await load.AnsweredAtLeastAsync(500);
            Assert.True(load.Answered >= answeredBeforeOutage + 500, "lookups stalled while PostgreSQL was down: " + string.Join("; ", load.Failures.Take(3)));
            Assert.Equal("120101002", await BoundaryApi.TownshipAsync(http, 117.105, 39.05));

            var versionBefore = await BoundaryApi.VersionAsync(http);
            PostGisServer.RunScript("resume", Private);
            // the server's LISTEN connection comes back and it reloads (it may have missed changes): wait for that reload
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await BoundaryApi.VersionAsync(http) == versionBefore && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            Assert.True(await BoundaryApi.VersionAsync(http) > versionBefore, "no reload within 60 s of PostgreSQL's return: " + serve.Error);

            using (var accepted = await BoundaryApi.BendLineAsync(http, line))
            {
                Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
            }
            Assert.Equal("120101001", await BoundaryApi.TownshipAsync(http, 117.105, 39.05));
            await load.AnsweredAtLeastAsync(200);
            await load.DisposeAsync();
            Assert.Empty(load.Failures);

            // the store holds exactly one edit: the 2020 versions closed today, the bent ones open
            await using var check = new PostGisBoundaryStore(cs);
            var history = await check.GetHistoryAsync("120101001");
            Assert.Equal(2, history.Versions.Length);
            Assert.Equal(2, (await check.GetAuditAsync()).Select(a => a.ChangeSet.Id).Distinct().Count());
            Assert.Contains((await check.GetAuditAsync()), a => a.ChangeSet.Author == "张工" && a.Code == "120101002" && a.Action == "replace");
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            PostGisServer.RunScript("stop", Private);
        }
    }
}
