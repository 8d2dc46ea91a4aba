using System.Text.Json;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Security;
using Boundaries.Viewer.Sources;
using Boundaries.Viewer.Tests.Security;

namespace Boundaries.Viewer.Tests.WebMap;

/// <summary>
/// GET /api/v1/me says who the access middleware took the caller for and what the role may do; what it says a role
/// may do is checked against what the server then does with a write needing that permission (the line edit).
/// </summary>
public sealed class MeEndpointTests
{
    private const string PlannerKey = "planner-key-me-1", SurveyorKey = "surveyor-key-me-2";

    [Theory]
    [InlineData("anonymous", null, "anonymous", false, false, false)]
    [InlineData("planner-key", "planner", "api-key", false, true, false)]
    [InlineData("surveyor-key", "surveyor", "api-key", true, false, false)]
    [InlineData("admin-token", "admin", "token", true, true, true)]
    [InlineData("viewer-token", "viewer", "token", false, false, false)]
    public async Task SaysWhoTheCallerIsAndWhatTheRoleMayDo(string caller, string? role, string by, bool import, bool edit, bool administer)
    {
        await using var host = await Start(enforced: true);
        using var client = new HttpClient { BaseAddress = new Uri(host.Urls[0]) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        Authenticate(request, caller);
        using var response = await client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        using var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = me.RootElement;
        Assert.Equal(role, root.GetProperty("role").GetString());
        Assert.Equal(by, root.GetProperty("by").GetString());
        Assert.True(root.GetProperty("enforced").GetBoolean());
        var can = root.GetProperty("can");
        Assert.True(can.GetProperty("read").GetBoolean());
        Assert.Equal(import, can.GetProperty("import").GetBoolean());
        Assert.Equal(edit, can.GetProperty("edit").GetBoolean());
        Assert.Equal(administer, can.GetProperty("administer").GetBoolean());

        // what "edit" says is what the server does with a line edit (an empty body: 400 when let through)
        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/v1/lines/1/edit") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        Authenticate(write, caller);
        using var answer = await client.SendAsync(write);
        Assert.Equal(edit, (int)answer.StatusCode is not 401 and not 403);
    }

    [Fact]
    public async Task AnUnknownKeyIsRefusedAndTheLocalDesktopIsAdmin()
    {
        await using (var enforced = await Start(enforced: true))
        {
            using var client = new HttpClient { BaseAddress = new Uri(enforced.Urls[0]) };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.Add("X-Api-Key", "not-a-key");
            using var response = await client.SendAsync(request);
            Assert.Equal(401, (int)response.StatusCode);
        }
        await using var local = await Start(enforced: false);
        using var localClient = new HttpClient { BaseAddress = new Uri(local.Urls[0]) };
        using var me = JsonDocument.Parse(await localClient.GetStringAsync("/api/v1/me"));
        Assert.Equal("admin", me.RootElement.GetProperty("role").GetString());
        Assert.Equal("local", me.RootElement.GetProperty("by").GetString());
        Assert.False(me.RootElement.GetProperty("enforced").GetBoolean());
    }

    private static Task<BoundariesHost> Start(bool enforced) =>
        BoundariesServer.StartAsync(new FileBoundarySource(TestSupport.SampleCity), new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            Access = enforced
                ? new AccessOptions
                {
                    ApiKeys = [ApiKey.For("plan", AccessRole.Planner, PlannerKey), ApiKey.For("field", AccessRole.Surveyor, SurveyorKey)],
                    TokenSigningKey = Tokens.SigningKey,
                }
                : AccessOptions.Default,
        });

    private static void Authenticate(HttpRequestMessage request, string caller)
    {
        switch (caller)
        {
            case "planner-key": request.Headers.Add("X-Api-Key", PlannerKey); break;
            case "surveyor-key": request.Headers.Add("X-Api-Key", SurveyorKey); break;
            case "admin-token": request.Headers.Authorization = new("Bearer", Tokens.For("admin-person", "admin")); break;
            case "viewer-token": request.Headers.Authorization = new("Bearer", Tokens.For("viewer-person", "viewer")); break;
            default: break;
        }
    }
}
