using System.Globalization;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Locate;
using Boundaries.Viewer.Hosting;

namespace Boundaries.Viewer.Tests.Api;

/// <summary>GET /api/v1/locate over a real socket, against the locator built directly from the same file.</summary>
public sealed class LocateApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task AnswersEqualTheLocatorsOnRandomVertexAndEdgePoints()
    {
        var points = TestSupport.Points(server.Divisions, seed: 11, random: 300, onLines: 200);
        var onBoundary = 0;
        foreach (var (x, y) in points)
        {
            var json = await Get($"/api/v1/locate?lon={F(x)}&lat={F(y)}");
            var expected = server.Locator.Locate(x, y);
            CheckSame(expected, json);
            onBoundary += expected.OnBoundary ? 1 : 0;
        }
        // The set must exercise the boundary rule, or the comparison above proves little about it.
        Assert.True(onBoundary >= 100, $"only {onBoundary} points on a boundary");
    }

    [Fact]
    public async Task GivesDistanceOnlyWhenAskedAndFlagsAmbiguityWithinSigma()
    {
        var (x, y) = TestSupport.Points(server.Divisions, seed: 5, random: 1, onLines: 0)[0];
        var plain = await Get($"/api/v1/locate?lon={F(x)}&lat={F(y)}");
        Assert.All(plain.GetProperty("levels").EnumerateArray(), l => Assert.False(l.TryGetProperty("distance_m", out _)));

        var withDistance = await Get($"/api/v1/locate?lon={F(x)}&lat={F(y)}&distance=true");
        var expected = server.Locator.Locate(x, y, new LocateQueryOptions { IncludeDistance = true });
        var levels = withDistance.GetProperty("levels").EnumerateArray().ToList();
        for (var l = 0; l < levels.Count; l++)
        {
            Assert.Equal(expected.Levels[l].BoundaryDistanceMeters!.Value, levels[l].GetProperty("distance_m").GetDouble(), 9);
        }

        // σ just above the township distance: ambiguous there; just below: not.
        var township = expected.Levels[^1].BoundaryDistanceMeters!.Value;
        var above = await Get($"/api/v1/locate?lon={F(x)}&lat={F(y)}&sigma={F(township * 1.01)}");
        var below = await Get($"/api/v1/locate?lon={F(x)}&lat={F(y)}&sigma={F(township * 0.99)}");
        Assert.True(above.GetProperty("levels")[levels.Count - 1].GetProperty("ambiguous").GetBoolean());
        Assert.False(below.GetProperty("levels")[levels.Count - 1].GetProperty("ambiguous").GetBoolean());
    }

    [Theory]
    [InlineData("gcj02")]
    [InlineData("bd09")]
    [InlineData("EPSG:4548")]
    public async Task ConvertsTheCallersSystemAsTheLocatorDoes(string crsText)
    {
        var crs = CrsCode.Parse(crsText);
        var toCrs = CoordinateTransformer.Create(CrsCode.Cgcs2000, crs);
        foreach (var (lon, lat) in TestSupport.Points(server.Divisions, seed: 3, random: 20, onLines: 0))
        {
            var (x, y) = toCrs.Transform(lon, lat);
            var json = await Get($"/api/v1/locate?lon={F(x)}&lat={F(y)}&crs={crsText}");
            CheckSame(server.Locator.Locate(x, y, new LocateQueryOptions { Crs = crs }), json);
        }
    }

    [Fact]
    public void ListensOnLoopbackByDefault()
    {
        Assert.StartsWith("http://127.0.0.1:", ServerOptions.Default.Urls, StringComparison.Ordinal);
        Assert.All(server.Host.Urls, u => Assert.StartsWith("http://127.0.0.1:", u, StringComparison.Ordinal));
    }

    internal static void CheckSame(LocateResult expected, JsonElement json)
    {
        var levels = json.GetProperty("levels").EnumerateArray().ToList();
        Assert.Equal(expected.Levels.Length, levels.Count);
        for (var l = 0; l < levels.Count; l++)
        {
            var e = expected.Levels[l];
            var a = levels[l];
            Assert.Equal(e.Division?.Code, a.TryGetProperty("code", out var code) ? code.GetString() : null);
            Assert.Equal(e.OnBoundary, a.GetProperty("on_boundary").GetBoolean());
            Assert.Equal(e.Candidates.Select(c => c.Code), a.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        }
        Assert.Equal(expected.OnBoundary, json.GetProperty("on_boundary").GetBoolean());
    }

    private async Task<JsonElement> Get(string url)
    {
        using var response = await server.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    internal static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
