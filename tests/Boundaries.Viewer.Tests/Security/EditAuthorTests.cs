using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Security;
using Boundaries.Viewer.Tests.WebMap;

namespace Boundaries.Viewer.Tests.Security;

/// <summary>
/// On a server with credentials configured, the author of a saved line edit or merge is the signed-in identity (key
/// holder or token name), not the body's <c>author</c>: a different body author survives only as "entered as …" in the
/// detail. The change log on disk and the audit line (with the change id) name the identity.
/// </summary>
public sealed class EditAuthorTests : IAsyncLifetime
{
    private const string PlannerKey = "planner-key-author-test-91";
    private CityServer _server = null!;
    private string _audit = null!;

    public async Task InitializeAsync()
    {
        _audit = Path.Combine(Path.GetTempPath(), "boundaries-author-audit-" + Guid.NewGuid().ToString("N")[..8] + ".jsonl");
        _server = await CityServer.StartAsync(twoVersions: false, new AccessOptions
        {
            ApiKeys = [ApiKey.For("wang-planner", AccessRole.Planner, PlannerKey)],
            TokenSigningKey = Tokens.SigningKey,
            AuditFile = _audit,
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        File.Delete(_audit);
    }

    [Fact]
    public async Task ALineEditIsAuthoredByTheKeyHolderWhateverTheBodySays()
    {
        var line = await InteriorLine();
        var coords = Coordinates(line);
        var k = coords.Count / 2;
        var moved = coords.Select(c => c.ToArray()).ToList();
        var (dx, dy) = (coords[k + 1][0] - coords[k - 1][0], coords[k + 1][1] - coords[k - 1][1]);
        var len = Math.Sqrt((dx * dx) + (dy * dy));
        moved[k] = [coords[k][0] - (dy / len * 0.00004), coords[k][1] + (dx / len * 0.00004)]; // as LineEditTests moves it
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/lines/{line.GetProperty("id").GetInt32()}/edit")
        {
            Content = JsonContent.Create(new { level = "township", base_version = Str(line, "version"), coordinates = moved, author = "冒名者", reason = "界桩复测" }),
        };
        request.Headers.Add("X-Api-Key", PlannerKey);
        using var response = await _server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var change = JsonDocument.Parse(body).RootElement;
        Assert.Equal("wang-planner", change.GetProperty("author").GetString());
        Assert.Contains("entered as '冒名者'", change.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var saved = JsonDocument.Parse(File.ReadAllLines(_server.Path + ".changes.jsonl").Single(l => l.Length > 0)).RootElement;
        Assert.Equal("wang-planner", saved.GetProperty("author").GetString());
        var audit = File.ReadAllLines(_audit).Select(l => JsonDocument.Parse(l).RootElement).Single(a => a.TryGetProperty("change", out _));
        Assert.Equal(change.GetProperty("id").GetString(), audit.GetProperty("change").GetString());
        Assert.Equal(("wang-planner", "api-key", 200), (audit.GetProperty("identity").GetString(), audit.GetProperty("by").GetString(), audit.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task AMergeByTokenNeedsNoBodyAuthorAndIsAuthoredByTheTokenName()
    {
        var townships = Townships().ToDictionary(d => d.Code);
        var pair = (await Lines()).Select(f => f.GetProperty("properties"))
            .Where(p => p.TryGetProperty("left", out var l) && p.TryGetProperty("right", out var r) && l.GetString() is { } a && r.GetString() is { } b
                && townships[a].ParentCode == townships[b].ParentCode)
            .Select(p => (A: p.GetProperty("left").GetString()!, B: p.GetProperty("right").GetString()!)).First();
        using var version = JsonDocument.Parse(await _server.Client.GetStringAsync("/api/v1/version"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/divisions/merge")
        {
            Content = JsonContent.Create(new { level = "township", code = pair.A, other = pair.B, base_version = version.RootElement.GetProperty("version").GetInt32(), reason = "撤并" }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Tokens.For("赵管理", "admin"));
        using var response = await _server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var change = JsonDocument.Parse(body).RootElement;
        Assert.Equal("赵管理", change.GetProperty("author").GetString());
        Assert.DoesNotContain("entered as", change.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(File.ReadAllLines(_audit).Select(l => JsonDocument.Parse(l).RootElement),
            a => a.GetProperty("identity").GetString() == "赵管理" && a.TryGetProperty("change", out var id) && id.GetString() == change.GetProperty("id").GetString());
    }

    private async Task<JsonElement> InteriorLine()
    {
        var parents = Townships().ToDictionary(d => d.Code, d => d.ParentCode);
        return (await Lines()).Where(l => l.GetProperty("properties").TryGetProperty("left", out _)
                && l.GetProperty("properties").TryGetProperty("right", out _)
                && parents[Str(l, "left")] == parents[Str(l, "right")] && Coordinates(l).Count >= 4)
            .OrderByDescending(l => l.GetProperty("properties").GetProperty("length_m").GetDouble()).First();
    }

    private async Task<List<JsonElement>> Lines()
    {
        using var doc = JsonDocument.Parse(await _server.Client.GetStringAsync("/api/v1/lines?level=township"));
        return [.. doc.RootElement.GetProperty("features").EnumerateArray().Select(e => e.Clone())];
    }

    private static List<double[]> Coordinates(JsonElement line) =>
        [.. line.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => new[] { c[0].GetDouble(), c[1].GetDouble() })];

    private static string Str(JsonElement line, string name) => line.GetProperty("properties").GetProperty(name).GetString()!;

    private List<Division> Townships() =>
        [.. DivisionImporter.Import(_server.Path).In(CrsCode.Cgcs2000).Divisions.Where(d => d.Level == DivisionLevel.Township && d.ValidTo is null)];
}
