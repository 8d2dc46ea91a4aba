using System.Globalization;
using System.Net;
using System.Text.Json;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Zoom;
using NetTopologySuite.Algorithm.Distance;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Boundaries.Viewer.Tests.Zoom;

/// <summary>
/// <c>items?zoom=</c> over HTTP on the sample city: each level's coverage simplified for the zoom (NTS checks that it is
/// still a coverage and within a pixel of the stored boundary), the stored geometry from zoom 15 on, <c>ids=</c>, and
/// a clear refusal of a bad zoom.
/// </summary>
public sealed class ZoomItemsApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly JsonSerializerOptions Geo = CreateGeo();

    [Theory]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(12)]
    public async Task AZoomGetsFewerVerticesWithinOnePixelAndSharedEdgesStayShared(int zoom)
    {
        foreach (var level in new[] { DivisionLevel.District, DivisionLevel.Township })
        {
            var stored = server.Divisions.Where(d => d.Level == level).ToDictionary(d => d.Code);
            var served = await Features($"/collections/{level.Name()}/items?limit=10000&zoom={zoom}");
            Assert.Equal(stored.Keys.Order(StringComparer.Ordinal), served.Keys.Order(StringComparer.Ordinal));

            var before = stored.Values.Sum(d => d.Geometry.NumPoints);
            var after = served.Values.Sum(g => g.NumPoints);
            Assert.True(after < before, $"{level} at zoom {zoom}: {after} vertices served, {before} stored");
            foreach (var (code, g) in served)
            {
                // Hausdorff distance (NTS, densified) to the stored division: under one pixel of the zoom
                var distance = DiscreteHausdorffDistance.Distance(g, stored[code].Geometry, 0.25);
                Assert.True(distance <= ZoomLevels.DegreesPerPixel(zoom), $"{code} at zoom {zoom} is {distance:E2}° from its stored shape");
                Assert.True(g.IsValid, $"{code} at zoom {zoom} is not a valid polygon");
            }
            // NTS's coverage validator: no edge that matches its neighbour's only nearly, no overlap (rounding is the same on both sides)
            var geometries = served.Values.ToArray();
            var invalid = CoverageValidator.Validate(geometries);
            Assert.All(invalid, e => Assert.Null(e));
        }
    }

    [Fact]
    public async Task EveryZoomOfThePyramidIsOneCoverageBeforeRounding()
    {
        var snapshot = new Boundaries.Viewer.Sources.BoundarySnapshot(server.Divisions, 1, DateTimeOffset.UtcNow);
        foreach (var level in snapshot.Levels.Keys)
        {
            var stored = snapshot.Levels[level].Sum(f => f.Division.Geometry.NumPoints);
            var previous = stored;
            for (var zoom = ZoomLevels.FullPrecision - 1; zoom >= 0; zoom--)
            {
                // each zoom is simplified from the next finer one: never more vertices, never an empty division, one coverage
                var drawn = await ZoomGeometry.For(snapshot).LevelAsync(level, zoom);
                Assert.All(drawn, g => Assert.False(g.IsEmpty));
                var count = drawn.Sum(g => g.NumPoints);
                Assert.True(count <= previous, $"{level} zoom {zoom}: {count} vertices, more than the finer zoom's {previous}");
                previous = count;
                Assert.All(CoverageValidator.Validate(drawn), e => Assert.Null(e));
            }
            Assert.True(previous < stored / 4, $"{level} at zoom 0 still has {previous} of {stored} vertices");
        }
    }

    [Fact]
    public async Task FromZoom15TheStoredGeometryIsServedExactly()
    {
        var stored = server.Divisions.Where(d => d.Level == DivisionLevel.Township).ToDictionary(d => d.Code);
        foreach (var zoom in new[] { ZoomLevels.FullPrecision, 22 })
        {
            var served = await Features($"/collections/township/items?limit=10000&zoom={zoom}");
            Assert.Equal(stored.Count, served.Count);
            Assert.All(served, p => Assert.True(p.Value.EqualsExact(stored[p.Key].Geometry), $"{p.Key} at zoom {zoom} is not the stored geometry"));
        }
    }

    [Fact]
    public async Task IdsSelectJustThoseDivisionsWithTheOtherFilters()
    {
        var townships = server.Divisions.Where(d => d.Level == DivisionLevel.Township).Select(d => d.Code).Order(StringComparer.Ordinal).ToList();
        var wanted = new[] { townships[5], townships[2], "no-such-code" };
        var served = await Features("/collections/township/items?limit=10000&zoom=11&ids=" + string.Join(',', wanted));
        Assert.Equal(new[] { townships[2], townships[5] }, served.Keys.ToArray());
    }

    [Theory]
    [InlineData("31", "en", "zoom = '31' must be a whole number from 0 to 30")]
    [InlineData("-1", "zh-CN", "zoom = “-1”应为 0 至 30 的整数")]
    [InlineData("nine", "en", "zoom = 'nine' must be a whole number from 0 to 30")]
    public async Task ABadZoomIsRefusedWithAProblemInTheAskedLanguage(string zoom, string language, string detail)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/collections/township/items?zoom=" + Uri.EscapeDataString(zoom));
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("urn:boundaries:problem:invalid-zoom", problem.GetProperty("type").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    private async Task<Dictionary<string, Geometry>> Features(string url)
    {
        using var response = await server.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {body}");
        var result = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        foreach (var f in JsonDocument.Parse(body).RootElement.GetProperty("features").EnumerateArray())
        {
            result.Add(f.GetProperty("id").GetString()!, f.GetProperty("geometry").Deserialize<Geometry>(Geo)!);
        }
        return result;
    }

    private static JsonSerializerOptions CreateGeo()
    {
        var o = new JsonSerializerOptions();
        o.Converters.Add(new GeoJsonConverterFactory());
        return o;
    }
}

/// <summary>The dirty sample city (overlaps, gaps, a repeated code): every zoom still answers every division.</summary>
public sealed class ZoomItemsDirtyCityTests
{
    [Fact]
    public async Task EveryDivisionOfADirtyCityIsServedAtEveryZoom()
    {
        await using var server = await WebMap.WebServer.StartAsync(WebMap.WebServer.DirtySampleCity);
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        foreach (var level in new[] { "district", "township" })
        {
            using var all = JsonDocument.Parse(await client.GetStringAsync($"/collections/{level}/items?limit=10000"));
            var expected = all.RootElement.GetProperty("numberMatched").GetInt32();
            foreach (var zoom in new[] { 0, 9, 14, 15 })
            {
                using var response = await client.GetAsync($"/collections/{level}/items?limit=10000&zoom={zoom}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"{level} zoom {zoom}: {body}");
                using var page = JsonDocument.Parse(body);
                var features = page.RootElement.GetProperty("features").EnumerateArray().ToList();
                Assert.Equal(expected, features.Count);
                Assert.All(features, f => Assert.True(f.GetProperty("geometry").GetProperty("coordinates").GetArrayLength() > 0));
            }
        }
    }
}
