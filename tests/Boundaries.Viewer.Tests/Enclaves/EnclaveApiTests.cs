using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Tests.Enclaves;

/// <summary>
/// The enclave API over a generated city with enclave injections: the findings are EnclaveFinder's on the generated
/// (Gauss-Krüger) set; applying one transfer with an effective date saves a new version in which the finding is gone.
/// </summary>
public sealed class EnclaveApiTests : IAsyncLifetime
{
    private EnclaveCity _city = null!;

    public async Task InitializeAsync() => _city = await EnclaveCity.StartAsync();

    public async Task DisposeAsync() => await _city.DisposeAsync();

    [Fact]
    public async Task FindingsAreTheFindersOnTheGeneratedSet()
    {
        var expected = EnclaveFinder.Find(_city.City.Divisions, EnclaveOptions.Default with { Level = DivisionLevel.Township });
        Assert.True(expected.Length >= 4, "the injections give several findings");
        using var doc = JsonDocument.Parse(await _city.Client.GetStringAsync("/api/v1/enclaves?level=township"));
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(expected.Length, features.Count);
        Assert.Equal(expected.Select(f => f.Class.Name() + ":" + f.Owner + ":" + f.Order).Order(StringComparer.Ordinal),
            features.Select(f => f.GetProperty("properties")).Select(p => p.GetProperty("class").GetString() + ":" + p.GetProperty("owner").GetString() + ":" + p.GetProperty("order").GetInt32()).Order(StringComparer.Ordinal));
        var area = features.Sum(f => f.GetProperty("properties").GetProperty("area_m2").GetDouble());
        Assert.Equal(expected.Sum(f => f.AreaSquareMeters), area, 0.01 * expected.Sum(f => f.AreaSquareMeters));
    }

    [Fact]
    public async Task WithoutChoicesTheSolverPlansEveryFinding()
    {
        using var doc = JsonDocument.Parse(await _city.Client.GetStringAsync("/api/v1/enclaves?level=township"));
        var count = doc.RootElement.GetProperty("features").GetArrayLength();
        using var plan = await _city.Client.PostAsJsonAsync("/api/v1/enclaves/plan", new { level = "township" });
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        using var planDoc = JsonDocument.Parse(await plan.Content.ReadAsStringAsync());
        var choices = planDoc.RootElement.GetProperty("choices").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, count), choices.Select(c => c.GetProperty("finding").GetInt32()).Order());
        Assert.NotEqual("official", planDoc.RootElement.GetProperty("solver").GetString());
        // every transfer's two divisions are in the preview, before and after
        var after = planDoc.RootElement.GetProperty("after").GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("code").GetString()).ToHashSet();
        foreach (var c in choices.Where(c => c.GetProperty("kind").GetString() != "Keep"))
        {
            Assert.Contains(c.GetProperty("from").GetString(), after);
            Assert.Contains(c.GetProperty("to").GetString(), after);
        }
        Assert.Equal(after.Count, planDoc.RootElement.GetProperty("before").GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task ApplyingOneTransferRemovesItsFindingAndKeepsTheOldVersion()
    {
        using var doc = JsonDocument.Parse(await _city.Client.GetStringAsync("/api/v1/enclaves?level=township"));
        var version = doc.RootElement.GetProperty("version").GetInt32();
        var features = doc.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        var target = features.First(p => p.GetProperty("class").GetString() == "enclave" && p.GetProperty("order").GetInt32() == 1
            && !features.Any(q => q.GetProperty("index").GetInt32() != p.GetProperty("index").GetInt32()
                && (q.GetProperty("owner").GetString() == p.GetProperty("owner").GetString()
                    || q.GetProperty("hosts").EnumerateArray().Any(h => h.GetString() == p.GetProperty("owner").GetString()))));
        var index = target.GetProperty("index").GetInt32();
        using var options = JsonDocument.Parse(await _city.Client.GetStringAsync($"/api/v1/enclaves/{index}/options?level=township"));
        var option = options.RootElement.GetProperty("options").EnumerateArray().First(o => o.GetProperty("kind").GetString() == "TransferToHost");
        var to = option.GetProperty("to").GetString()!;
        var owner = target.GetProperty("owner").GetString()!;
        Assert.True(option.GetProperty("area_m2").GetDouble() > 0);

        var choice = new[] { new { finding = index, option = option.GetProperty("option").GetInt32() } };
        using var plan = await _city.Client.PostAsJsonAsync("/api/v1/enclaves/plan", new { level = "township", choices = choice });
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        using var planDoc = JsonDocument.Parse(await plan.Content.ReadAsStringAsync());
        var changedCodes = planDoc.RootElement.GetProperty("after").GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("code").GetString()).ToHashSet();
        Assert.Contains(owner, changedCodes);
        Assert.Contains(to, changedCodes);

        using var stale = await _city.Client.PostAsJsonAsync("/api/v1/enclaves/apply",
            new { level = "township", choices = choice, base_version = version + 7, effective_date = "2027-01-01", author = "王科长", reason = "飞地调整" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        using var applied = await _city.Client.PostAsJsonAsync("/api/v1/enclaves/apply",
            new { level = "township", choices = choice, base_version = version, effective_date = "2027-01-01", author = "王科长", reason = "飞地调整" });
        Assert.True(applied.StatusCode == HttpStatusCode.OK, await applied.Content.ReadAsStringAsync());

        using var after = JsonDocument.Parse(await _city.Client.GetStringAsync("/api/v1/enclaves?level=township"));
        var remaining = after.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(features.Count - 1, remaining.Count);
        var piece = JsonSerializer.Deserialize<Geometry>(option.GetProperty("piece").GetRawText(), Boundaries.Viewer.Api.ViewerJson.Options)!;
        var point = piece.InteriorPoint;

        // Read back from the file with the importer: the owner's old record ends on the effective date, the piece is now the host's.
        var saved = DivisionImporter.Import(_city.Path).In(CrsCode.Cgcs2000).Divisions.Where(d => d.Level == DivisionLevel.Township).ToList();
        var ownerOld = saved.Single(d => d.Code == owner && d.ValidTo is not null);
        Assert.Equal(new DateOnly(2027, 1, 1), ownerOld.ValidTo);
        var ownerNew = saved.Single(d => d.Code == owner && d.ValidTo is null);
        var hostNew = saved.Single(d => d.Code == to && d.ValidTo is null);
        Assert.Equal(new DateOnly(2027, 1, 1), hostNew.ValidFrom);
        Assert.True(ownerOld.Geometry.Covers(point));
        Assert.False(ownerNew.Geometry.Covers(point));
        Assert.True(hostNew.Geometry.Covers(point));
        Assert.Contains("王科长", File.ReadAllText(_city.Path + ".changes.jsonl"));
    }
}
