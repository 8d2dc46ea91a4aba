using System.Text.Json;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Tests.Features;

/// <summary>OGC API – Features over HTTP: collections per level, paging by next links, bbox, datetime, single items.</summary>
public sealed class FeaturesApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task ListsOneCollectionPerLevelAndLinksTheApi()
    {
        var landing = await Json("/");
        var rels = landing.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()).ToList();
        Assert.Contains("service-desc", rels);
        Assert.Contains("conformance", rels);
        Assert.Contains("data", rels);
        var conformance = await Json("/conformance");
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()));
        var ids = (await Json("/collections")).GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString());
        Assert.Equal(server.Divisions.Select(d => d.Level).Distinct().Order().Select(l => l.Name()), ids);
    }

    [Fact]
    public async Task NextLinksWalkEveryDivisionOnce()
    {
        var expected = server.Divisions.Where(d => d.Level == DivisionLevel.Township).Select(d => d.Code).Order(StringComparer.Ordinal).ToList();
        var seen = new List<string>();
        string? next = "/collections/township/items?limit=7";
        var pages = 0;
        while (next is not null)
        {
            var page = await Json(next);
            Assert.Equal(expected.Count, page.GetProperty("numberMatched").GetInt32());
            var features = page.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(features.Count, page.GetProperty("numberReturned").GetInt32());
            seen.AddRange(features.Select(f => f.GetProperty("properties").GetProperty("code").GetString()!));
            next = page.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => l.GetProperty("href").GetString()).FirstOrDefault();
            pages++;
        }
        Assert.Equal(expected, seen);
        Assert.Equal((expected.Count + 6) / 7, pages);
    }

    [Fact]
    public async Task BboxSelectsTheDivisionsNtsSaysIntersectIt()
    {
        var townships = server.Divisions.Where(d => d.Level == DivisionLevel.Township).ToList();
        var c = townships[3].Geometry.Centroid;
        var box = new Envelope(c.X - 0.02, c.X + 0.03, c.Y - 0.015, c.Y + 0.01);
        var oracle = new GeometryFactory().ToGeometry(box);
        var expected = townships.Where(t => t.Geometry.Intersects(oracle)).Select(t => t.Code).Order(StringComparer.Ordinal).ToList();
        var page = await Json(FormattableString.Invariant($"/collections/township/items?limit=1000&bbox={box.MinX},{box.MinY},{box.MaxX},{box.MaxY}"));
        var got = page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList();
        Assert.Equal(expected, got);
        Assert.InRange(got.Count, 2, townships.Count - 1);
    }

    [Theory]
    [InlineData("1990-01-01", false)]
    [InlineData("2021-06-01", true)]
    [InlineData("2021-06-01T08:00:00Z", true)]
    [InlineData("../2019-12-31", false)]
    [InlineData("2019-06-01/..", true)]
    public async Task DatetimeSelectsTheDivisionsInForce(string datetime, bool expectAll)
    {
        // Oracle: Division.IsValidOn / the validity interval from the file, counted here independently of the server.
        var districts = server.Divisions.Where(d => d.Level == DivisionLevel.District).ToList();
        var firstDay = districts.Min(d => d.ValidFrom)!.Value;
        Assert.True(firstDay > new DateOnly(2019, 12, 31) && firstDay <= new DateOnly(2021, 6, 1), $"sample city starts {firstDay}");
        var page = await Json($"/collections/district/items?limit=100&datetime={Uri.EscapeDataString(datetime)}");
        Assert.Equal(expectAll ? districts.Count : 0, page.GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task ServesOneDivisionAsGeoJson()
    {
        var d = server.Divisions.First(x => x.Level == DivisionLevel.Township);
        using var response = await server.Client.GetAsync($"/collections/township/items/{d.Code}");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var feature = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(d.Name, feature.GetProperty("properties").GetProperty("name").GetString());
        var geometry = new NetTopologySuite.IO.Converters.GeoJsonConverterFactory();
        var options = new JsonSerializerOptions();
        options.Converters.Add(geometry);
        var read = feature.GetProperty("geometry").Deserialize<Geometry>(options)!;
        Assert.True(read.EqualsExact(d.Geometry), "the served geometry differs from the file's");
    }

    private async Task<JsonElement> Json(string url)
    {
        using var response = await server.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
