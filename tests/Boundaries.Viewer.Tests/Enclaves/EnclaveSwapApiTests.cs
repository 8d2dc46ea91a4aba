using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;

namespace Boundaries.Viewer.Tests.Enclaves;

/// <summary>
/// A swap chosen by hand through the HTTP API: one half brings the other (both pieces change hands, both findings
/// go), never one half as a plain transfer; a partner finding chosen with another option is refused (400, English
/// and Chinese) and nothing is saved.
/// </summary>
public sealed class EnclaveSwapApiTests : IAsyncLifetime
{
    private SwapCity _city = null!;

    public async Task InitializeAsync() => _city = await SwapCity.StartAsync();

    public async Task DisposeAsync() => await _city.DisposeAsync();

    private async Task<(int Version, int Finding, int SwapOption, int Partner)> SwapOfA()
    {
        using var doc = JsonDocument.Parse(await _city.Client.GetStringAsync("/api/v1/enclaves?level=township"));
        var features = doc.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        Assert.Equal(2, features.Count);
        var finding = features.Single(p => p.GetProperty("owner").GetString() == SwapCity.A).GetProperty("index").GetInt32();
        using var options = JsonDocument.Parse(await _city.Client.GetStringAsync($"/api/v1/enclaves/{finding}/options?level=township"));
        var swap = options.RootElement.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("kind").GetString() == "Swap");
        Assert.Equal((SwapCity.A, SwapCity.B), (swap.GetProperty("from").GetString(), swap.GetProperty("to").GetString()));
        return (doc.RootElement.GetProperty("version").GetInt32(), finding, swap.GetProperty("option").GetInt32(), swap.GetProperty("partner").GetInt32());
    }

    [Fact]
    public async Task OneSwapHalf_PlansAndAppliesBothHalves()
    {
        var (version, finding, option, partner) = await SwapOfA();
        var choices = new[] { new { finding, option } };
        using var plan = await _city.Client.PostAsJsonAsync("/api/v1/enclaves/plan", new { level = "township", choices });
        Assert.True(plan.StatusCode == HttpStatusCode.OK, await plan.Content.ReadAsStringAsync());
        using var planDoc = JsonDocument.Parse(await plan.Content.ReadAsStringAsync());
        var chosen = planDoc.RootElement.GetProperty("choices").EnumerateArray().ToList();
        Assert.Equal(new[] { finding, partner }.Order(), chosen.Select(c => c.GetProperty("finding").GetInt32()).Order());
        Assert.All(chosen, c => Assert.Equal("Swap", c.GetProperty("kind").GetString()));
        Assert.Contains(chosen, c => c.GetProperty("from").GetString() == SwapCity.B && c.GetProperty("to").GetString() == SwapCity.A);

        using var applied = await _city.Client.PostAsJsonAsync("/api/v1/enclaves/apply",
            new { level = "township", choices, base_version = version, effective_date = "2027-01-01", author = "王科长", reason = "互换飞地" });
        Assert.True(applied.StatusCode == HttpStatusCode.OK, await applied.Content.ReadAsStringAsync());

        // both findings are gone; read back from the file: A and B are whole squares without holes from the effective date
        using var after = JsonDocument.Parse(await _city.Client.GetStringAsync("/api/v1/enclaves?level=township"));
        Assert.Empty(after.RootElement.GetProperty("features").EnumerateArray());
        var saved = DivisionImporter.Import(_city.Path).In(Boundaries.Geo.Crs.CrsCode.Parse("EPSG:4548")).Divisions.Where(d => d.Level == DivisionLevel.Township && d.ValidTo is null).ToDictionary(d => d.Code);
        foreach (var code in new[] { SwapCity.A, SwapCity.B })
        {
            var g = saved[code].Geometry;
            Assert.Equal(1, g.NumGeometries);
            Assert.Equal(0, ((NetTopologySuite.Geometries.Polygon)g.GetGeometryN(0)).NumInteriorRings);
            Assert.Equal(1_000_000, g.Area, 1.0); // in the GK plane again, after the file's lon/lat
        }
    }

    [Fact]
    public async Task SwapHalfWithItsPartnerKept_IsRefused_AndNothingIsSaved()
    {
        var (version, finding, option, partner) = await SwapOfA();
        var choices = new[] { new { finding, option }, new { finding = partner, option = 0 } }; // option 0: Keep
        using var plan = await _city.Client.PostAsJsonAsync("/api/v1/enclaves/plan", new { level = "township", choices });
        Assert.Equal(HttpStatusCode.BadRequest, plan.StatusCode);
        var detail = JsonDocument.Parse(await plan.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
        Assert.Contains($"finding {finding} is swapped with finding {partner}", detail, StringComparison.Ordinal);
        Assert.Contains("互换须两处同时选择或都不选", detail, StringComparison.Ordinal);

        var before = File.ReadAllBytes(_city.Path);
        using var applied = await _city.Client.PostAsJsonAsync("/api/v1/enclaves/apply",
            new { level = "township", choices, base_version = version, effective_date = "2027-01-01", author = "王科长", reason = "互换飞地" });
        Assert.Equal(HttpStatusCode.BadRequest, applied.StatusCode);
        Assert.Equal(before, File.ReadAllBytes(_city.Path));
        using var still = JsonDocument.Parse(await _city.Client.GetStringAsync("/api/v1/enclaves?level=township"));
        Assert.Equal(2, still.RootElement.GetProperty("features").GetArrayLength());
    }
}
