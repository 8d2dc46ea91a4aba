using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Security;
using Boundaries.Viewer.Sources;

namespace Boundaries.Viewer.Tests.Security;

/// <summary>
/// Each caller (anonymous, a key or a token for each role, bad credentials) against each endpoint on a server with
/// access enforced: allowed requests reach the endpoint (any answer but 401/403), forbidden ones get 401 or 403 as
/// problem details; writes are audited with the identity; keys and tokens never appear in the log.
/// </summary>
public sealed class AccessControlTests : IAsyncLifetime
{
    private const string ViewerKey = "viewer-key-7f3a9c", SurveyorKey = "surveyor-key-b81e22";
    private readonly CapturingLogs _logs = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("boundaries-access-").FullName;
    private BoundariesHost _host = null!;

    private string AuditFile => Path.Combine(_dir, "audit.jsonl");

    public async Task InitializeAsync()
    {
        _host = await BoundariesServer.StartAsync(new FileBoundarySource(TestSupport.SampleCity), new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            LoggerFactory = _logs,
            Access = new AccessOptions
            {
                ApiKeys = [ApiKey.For("gis-system", AccessRole.Viewer, ViewerKey), ApiKey.For("field-app", AccessRole.Surveyor, SurveyorKey)],
                TokenSigningKey = Tokens.SigningKey,
                AuditFile = AuditFile,
            },
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    public static TheoryData<string, string, string> Cases()
    {
        // caller, endpoint, expected: "ok" (reaches the endpoint), 401 or 403.
        var data = new TheoryData<string, string, string>();
        string[] reads = ["GET locate", "POST batch", "GET collections", "GET items", "GET lines", "GET findings", "GET map.png", "GET openapi"];
        string[] writes = ["POST edit", "POST imports", "POST changesets"];
        var allowedWrites = new Dictionary<string, string[]>
        {
            ["anonymous"] = [],
            ["viewer-key"] = [],
            ["surveyor-key"] = ["POST imports"],
            ["viewer-token"] = [],
            ["planner-token"] = ["POST edit"],
            ["admin-token"] = writes,
        };
        foreach (var (caller, allowed) in allowedWrites)
        {
            foreach (var r in reads)
            {
                data.Add(caller, r, "ok");
            }
            foreach (var w in writes)
            {
                data.Add(caller, w, allowed.Contains(w) ? "ok" : caller == "anonymous" ? "401" : "403");
            }
        }
        foreach (var bad in new[] { "unknown-key", "forged-token", "expired-token", "wrong-audience-token", "roleless-token" })
        {
            data.Add(bad, "GET locate", "401");
            data.Add(bad, "POST edit", "401");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachCallerAgainstEachEndpoint(string caller, string endpoint, string expected)
    {
        using var client = new HttpClient { BaseAddress = new Uri(_host.Urls[0]) };
        using var request = Request(endpoint);
        Authenticate(request, caller);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (expected == "ok")
        {
            Assert.True(status is not 401 and not 403, $"{caller} {endpoint}: {status} {body}");
            return;
        }
        Assert.Equal(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.StartsWith("urn:boundaries:problem:", problem.RootElement.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task WritesAreAuditedWithTheIdentityAndSecretsNeverLogged()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_host.Urls[0]) };
        var plannerToken = Tokens.For("王规划", "planner");
        var forged = Tokens.For("mallory", "admin", key: "another-key-that-is-long-enough-0123456789");
        foreach (var (header, value) in new[] { ("X-Api-Key", ViewerKey), ("Authorization", "Bearer " + plannerToken), ("Authorization", "Bearer " + forged), ("X-Api-Key", SurveyorKey) })
        {
            using var request = Request("POST edit");
            request.Headers.TryAddWithoutValidation(header, value);
            using var response = await client.SendAsync(request);
        }
        var audit = File.ReadAllLines(AuditFile).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(audit, a => a.GetProperty("identity").GetString() == "gis-system" && a.GetProperty("status").GetInt32() == 403);
        Assert.Contains(audit, a => a.GetProperty("identity").GetString() == "王规划" && a.GetProperty("role").GetString() == "planner"
            && a.GetProperty("by").GetString() == "token" && a.GetProperty("status").GetInt32() == 400);
        Assert.Contains(audit, a => a.GetProperty("identity").GetString() == "field-app" && a.GetProperty("status").GetInt32() == 403);
        Assert.Contains(_logs.Messages, m => m.Contains("王规划", StringComparison.Ordinal));
        foreach (var secret in new[] { ViewerKey, SurveyorKey, plannerToken, forged, Tokens.SigningKey, plannerToken.Split('.')[2] })
        {
            Assert.DoesNotContain(_logs.Messages, m => m.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, File.ReadAllText(AuditFile), StringComparison.Ordinal);
        }
    }

    private static HttpRequestMessage Request(string endpoint) => endpoint switch
    {
        "GET locate" => new(HttpMethod.Get, "/api/v1/locate?lon=117.2&lat=39.1"),
        "POST batch" => new(HttpMethod.Post, "/api/v1/locate/batch") { Content = new StringContent("id,x,y\np1,117.2,39.1\n", Encoding.UTF8, "text/csv") },
        "GET collections" => new(HttpMethod.Get, "/collections"),
        "GET items" => new(HttpMethod.Get, "/collections/township/items?limit=1"),
        "GET lines" => new(HttpMethod.Get, "/api/v1/lines?level=township"),
        "GET findings" => new(HttpMethod.Get, "/api/v1/findings"),
        "GET map.png" => new(HttpMethod.Get, "/api/v1/map.png?bbox=117.1,39.0,117.3,39.2&width=64&height=64"),
        "GET openapi" => new(HttpMethod.Get, "/api/v1/openapi.json"),
        // An incomplete edit: an allowed caller gets 400 from the endpoint, and nothing is written.
        "POST edit" => new(HttpMethod.Post, "/api/v1/lines/1/edit") { Content = new StringContent("{}", Encoding.UTF8, "application/json") },
        "POST imports" => new(HttpMethod.Post, "/api/v1/imports") { Content = new StringContent("{}", Encoding.UTF8, "application/json") },
        "POST changesets" => new(HttpMethod.Post, "/api/v1/changesets/1/apply") { Content = new StringContent("{}", Encoding.UTF8, "application/json") },
        _ => throw new ArgumentException(endpoint, nameof(endpoint)),
    };

    private static void Authenticate(HttpRequestMessage request, string caller)
    {
        switch (caller)
        {
            case "anonymous":
                return;
            case "viewer-key":
                request.Headers.Add("X-Api-Key", ViewerKey);
                return;
            case "surveyor-key":
                request.Headers.Add("X-Api-Key", SurveyorKey);
                return;
            case "unknown-key":
                request.Headers.Add("X-Api-Key", "not-a-known-key");
                return;
        }
        var token = caller switch
        {
            "viewer-token" => Tokens.For("li", "viewer"),
            "planner-token" => Tokens.For("wang", "planner"),
            "admin-token" => Tokens.For("zhao", "admin"),
            "forged-token" => Tokens.For("mallory", "admin", key: "another-key-that-is-long-enough-0123456789"),
            "expired-token" => Tokens.For("zhao", "admin", expires: DateTime.UtcNow.AddHours(-1)),
            "wrong-audience-token" => Tokens.For("zhao", "admin", audience: "someone-else"),
            "roleless-token" => Tokens.For("zhao", "superuser"),
            _ => throw new ArgumentException(caller, nameof(caller)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
