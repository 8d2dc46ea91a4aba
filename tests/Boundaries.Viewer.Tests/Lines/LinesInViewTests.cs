using System.Globalization;
using System.Net;
using System.Text.Json;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Limits;
using Boundaries.Viewer.Sources;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Tests.Lines;

/// <summary>
/// <c>GET /api/v1/lines?level=&amp;bbox=</c> (the edit layer's view) against a real server over the sample city: a box
/// answers exactly the lines whose envelope intersects it (oracle: a brute-force envelope filter over the whole level,
/// computed here from the coordinates), with the same full-precision geometry and version as the whole-level answer;
/// pages follow the <c>next</c> links without loss or repeat; a view over the vertex limit is refused (422) in English
/// and Chinese; bad parameters are 400 problems.
/// </summary>
public sealed class LinesInViewTests : IAsyncLifetime
{
    private BoundariesHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await BoundariesServer.StartAsync(new FileBoundarySource(TestSupport.SampleCity), new ServerOptions { Urls = "http://127.0.0.1:0" });
        _client = new HttpClient { BaseAddress = new Uri(_host.Urls[0]) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task ABoxAnswersExactlyTheLinesWhoseEnvelopeIntersectsIt()
    {
        var all = await Lines(_client, "/api/v1/lines?level=township");
        Assert.True(all.Count > 50, "the sample city has township lines");
        var extent = new Envelope();
        foreach (var line in all.Values)
        {
            extent.ExpandToInclude(line.Envelope);
        }
        var random = new Random(8);
        var boxes = Enumerable.Range(0, 25).Select(_ =>
        {
            var w = extent.Width * (0.02 + random.NextDouble() * 0.4);
            var h = extent.Height * (0.02 + random.NextDouble() * 0.4);
            var x = extent.MinX - w / 2 + random.NextDouble() * extent.Width;
            var y = extent.MinY - h / 2 + random.NextDouble() * extent.Height;
            return new Envelope(x, x + w, y, y + h);
        }).ToList();
        // edge cases: a line's own envelope (touching lines count), a box that only touches one corner of a line's
        // envelope, and a box outside the city
        var some = all.Values.OrderBy(l => l.Id).ElementAt(all.Count / 2).Envelope;
        boxes.Add(some);
        boxes.Add(new Envelope(some.MaxX, some.MaxX + 1e-4, some.MaxY, some.MaxY + 1e-4));
        boxes.Add(new Envelope(extent.MaxX + 1, extent.MaxX + 2, extent.MaxY + 1, extent.MaxY + 2));

        var nonEmpty = 0;
        foreach (var box in boxes)
        {
            var expected = all.Values.Where(l => l.Envelope.Intersects(box)).Select(l => l.Id).Order().ToList();
            var answer = await Lines(_client, "/api/v1/lines?level=township&bbox=" + Bbox(box));
            Assert.Equal(expected, answer.Keys.Order().ToList());
            Assert.True(answer.Count < all.Count || box.Contains(extent), "a box smaller than the city answers fewer lines than the level");
            foreach (var (id, line) in answer)
            {
                // the same stored geometry (every coordinate, full precision) and version as the whole level's answer
                Assert.Equal(all[id].Coordinates, line.Coordinates);
                Assert.Equal(all[id].Version, line.Version);
            }
            nonEmpty += expected.Count > 0 ? 1 : 0;
        }
        Assert.True(nonEmpty >= 20, "most random boxes meet some lines");
    }

    [Fact]
    public async Task PagesFollowTheNextLinksWithoutLossOrRepeat()
    {
        var box = "116.9,38.9,117.6,39.4";
        using var whole = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/lines?level=township&bbox=" + box));
        var matched = whole.RootElement.GetProperty("number_matched").GetInt32();
        var ids = whole.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt32()).ToList();
        Assert.True(matched > 20, "the box holds more lines than a page");
        Assert.Equal(matched, ids.Count);
        Assert.Equal(ids.Order(), ids);

        var paged = new List<int>();
        string? url = "/api/v1/lines?level=township&bbox=" + box + "&limit=7";
        var pages = 0;
        while (url is not null)
        {
            using var page = JsonDocument.Parse(await _client.GetStringAsync(url));
            var features = page.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt32()).ToList();
            Assert.Equal(matched, page.RootElement.GetProperty("number_matched").GetInt32());
            Assert.Equal(features.Count, page.RootElement.GetProperty("number_returned").GetInt32());
            Assert.True(features.Count is > 0 and <= 7);
            paged.AddRange(features);
            url = page.RootElement.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => l.GetProperty("href").GetString()).FirstOrDefault();
            pages++;
        }
        Assert.Equal(ids, paged);
        Assert.Equal((matched + 6) / 7, pages);
    }

    [Fact]
    public async Task AViewOverTheVertexLimitIsRefusedAndOneAtItIsAnswered()
    {
        var all = await Lines(_client, "/api/v1/lines?level=township");
        var box = "117.0,39.0,117.2,39.2";
        var inBox = await Lines(_client, "/api/v1/lines?level=township&bbox=" + box);
        var vertices = inBox.Values.Sum(l => l.Coordinates.Length);
        var total = all.Values.Sum(l => l.Coordinates.Length);
        Assert.True(vertices > 0 && vertices < total);

        await using var limited = await BoundariesServer.StartAsync(new FileBoundarySource(TestSupport.SampleCity),
            new ServerOptions { Urls = "http://127.0.0.1:0", Limits = new LimitOptions { MaxLineVerticesInView = vertices } });
        using var client = new HttpClient { BaseAddress = new Uri(limited.Urls[0]) };
        Assert.Equal(inBox.Keys.Order(), (await Lines(client, "/api/v1/lines?level=township&bbox=" + box)).Keys.Order());

        using var over = await client.GetAsync("/api/v1/lines?level=township");
        var body = await over.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("urn:boundaries:problem:too-many-vertices", problem.RootElement.GetProperty("type").GetString());
        Assert.Contains(total.ToString(CultureInfo.InvariantCulture), problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(vertices.ToString(CultureInfo.InvariantCulture), problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("zoom in", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var zh = new HttpRequestMessage(HttpMethod.Get, "/api/v1/lines?level=township");
        zh.Headers.AcceptLanguage.ParseAdd("zh-CN");
        using var zhAnswer = await client.SendAsync(zh);
        Assert.Contains("请放大地图", await zhAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("level=township&bbox=1,2,3", "invalid-bbox")]
    [InlineData("level=township&bbox=117.2,39,117.1,39.1", "invalid-bbox")]
    [InlineData("level=township&bbox=a,b,c,d", "invalid-bbox")]
    [InlineData("level=township&limit=0", "invalid-limit")]
    [InlineData("level=township&limit=10001", "invalid-limit")]
    [InlineData("level=township&offset=-1", "invalid-limit")]
    public async Task BadParametersAreProblems(string query, string slug)
    {
        using var response = await _client.GetAsync("/api/v1/lines?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("urn:boundaries:problem:" + slug, problem.RootElement.GetProperty("type").GetString());
    }

    private sealed record Line(int Id, Coordinate[] Coordinates, Envelope Envelope, string Version);

    private static string Bbox(Envelope e) => string.Join(',', new[] { e.MinX, e.MinY, e.MaxX, e.MaxY }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>Every line of the answer (following next links), by id, with the envelope of its coordinates.</summary>
    private static async Task<Dictionary<int, Line>> Lines(HttpClient client, string url)
    {
        var lines = new Dictionary<int, Line>();
        string? next = url;
        while (next is not null)
        {
            using var response = await client.GetAsync(next);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            using var doc = JsonDocument.Parse(body);
            foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
            {
                var coords = f.GetProperty("geometry").GetProperty("coordinates").EnumerateArray()
                    .Select(c => new Coordinate(c[0].GetDouble(), c[1].GetDouble())).ToArray();
                var envelope = new Envelope();
                foreach (var c in coords)
                {
                    envelope.ExpandToInclude(c);
                }
                var id = f.GetProperty("id").GetInt32();
                lines.Add(id, new Line(id, coords, envelope, f.GetProperty("properties").GetProperty("version").GetString()!));
            }
            next = doc.RootElement.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => l.GetProperty("href").GetString()).FirstOrDefault();
        }
        return lines;
    }
}
