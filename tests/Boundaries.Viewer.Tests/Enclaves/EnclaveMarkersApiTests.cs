using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Boundaries.Geo.Enclaves;

namespace Boundaries.Viewer.Tests.Enclaves;

/// <summary>
/// The enclave API scores the markers (界桩) in force in the served GeoPackage's <c>markers</c> layer. Three markers are
/// set by hand around one enclave (a part of its owner wholly inside one host): one on the enclave's ring, which
/// transferring the piece to its host erases (it must move); one inside the piece, 5 m or more from any line; one on a
/// boundary far away. Transferring to the host moves exactly the first, keeping moves none; the plan, the apply outcome
/// and its change detail name it.
/// </summary>
public sealed class EnclaveMarkersApiTests : IAsyncLifetime
{
    private EnclaveCity _city = null!;
    private int _finding;

    public async Task InitializeAsync() => _city = await EnclaveCity.StartAsync(path => _finding = HandSetMarkers.Write(path));

    public async Task DisposeAsync() => await _city.DisposeAsync();

    [Fact]
    public async Task OptionsPlanAndApply_NameTheMarkerOnTheErasedRing()
    {
        using var doc = JsonDocument.Parse(await _city.Client.GetStringAsync("/api/v1/enclaves?level=township"));
        Assert.Equal(3, doc.RootElement.GetProperty("markers").GetInt32());
        var version = doc.RootElement.GetProperty("version").GetInt32();

        using var options = JsonDocument.Parse(await _city.Client.GetStringAsync($"/api/v1/enclaves/{_finding}/options?level=township"));
        var all = options.RootElement.GetProperty("options").EnumerateArray().ToList();
        static string[] Ids(JsonElement moved)
        {
            var ids = moved.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToArray();
            Assert.Equal(ids.Length, moved.GetProperty("count").GetInt32());
            return ids;
        }
        var transfer = all.First(o => o.GetProperty("kind").GetString() == "TransferToHost");
        Assert.Equal(["JZ-ON"], Ids(transfer.GetProperty("markers_moved")));
        Assert.Empty(Ids(all.Single(o => o.GetProperty("kind").GetString() == "Keep").GetProperty("markers_moved")));
        Assert.All(all, o => Assert.DoesNotContain("JZ-FAR", Ids(o.GetProperty("markers_moved"))));
        Assert.All(all, o => Assert.DoesNotContain("JZ-INSIDE", Ids(o.GetProperty("markers_moved"))));

        var choice = new[] { new { finding = _finding, option = transfer.GetProperty("option").GetInt32() } };
        using var plan = await _city.Client.PostAsJsonAsync("/api/v1/enclaves/plan", new { level = "township", choices = choice });
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        using var planDoc = JsonDocument.Parse(await plan.Content.ReadAsStringAsync());
        Assert.Equal(["JZ-ON"], Ids(planDoc.RootElement.GetProperty("markers_moved")));
        Assert.Equal(["JZ-ON"], Ids(Assert.Single(planDoc.RootElement.GetProperty("choices").EnumerateArray()).GetProperty("markers_moved")));

        using var applied = await _city.Client.PostAsJsonAsync("/api/v1/enclaves/apply",
            new { level = "township", choices = choice, base_version = version, effective_date = "2027-01-01", author = "王科长", reason = "飞地调整" });
        var body = await applied.Content.ReadAsStringAsync();
        Assert.True(applied.StatusCode == HttpStatusCode.OK, body);
        using var outcome = JsonDocument.Parse(body);
        Assert.Equal(["JZ-ON"], Ids(outcome.RootElement.GetProperty("markers_moved")));
        Assert.EndsWith("; markers to move / 需迁移界桩 1: JZ-ON", outcome.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("需迁移界桩 1: JZ-ON", File.ReadAllText(_city.Path + ".changes.jsonl"), StringComparison.Ordinal);

        // the saved file keeps its markers layer: the next version is scored against the same three markers
        using var next = JsonDocument.Parse(await _city.Client.GetStringAsync("/api/v1/enclaves?level=township"));
        Assert.Equal(version + 1, next.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(3, next.RootElement.GetProperty("markers").GetInt32());
        Assert.Equal(["JZ-FAR", "JZ-INSIDE", "JZ-ON"], MarkerLayer.Read(_city.Path).Select(m => m.Id).Order(StringComparer.Ordinal));
        // GDAL reads the carried-over layer too
        var (exit, info, error) = TestSupport.Tool("ogrinfo", "-so", _city.Path, "markers");
        Assert.True(exit == 0, error);
        Assert.Contains("Feature Count: 3", info, StringComparison.Ordinal);
    }
}
