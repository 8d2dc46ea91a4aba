using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Boundaries.Geo.Locate;
using Xunit.Abstractions;

namespace Boundaries.Viewer.Tests.Api;

/// <summary>POST /api/v1/locate/batch: N points in one request answer as N single lookups do, in each format.</summary>
public sealed class BatchApiTests(ServerFixture server, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task CsvBatchEqualsSingleAnswers()
    {
        var points = TestSupport.Points(server.Divisions, seed: 21, random: 1500, onLines: 500);
        var csv = new StringBuilder("id,x,y\n");
        for (var i = 0; i < points.Count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"p{i},{points[i].X:R},{points[i].Y:R}\r\n");
        }
        var lines = (await Post(csv.ToString(), "text/csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var levels = server.Locator.Levels;
        Assert.Equal("id,x,y," + string.Join(',', levels.Select(l => l.ToString().ToLowerInvariant())) + ",on_boundary", lines[0]);
        Assert.Equal(points.Count + 1, lines.Length);
        for (var i = 0; i < points.Count; i++)
        {
            var fields = lines[i + 1].Split(',');
            Assert.Equal($"p{i}", fields[0]);
            var expected = server.Locator.Locate(points[i].X, points[i].Y);
            for (var l = 0; l < levels.Length; l++)
            {
                Assert.Equal(expected.Levels[l].Division?.Code ?? "", fields[3 + l]);
            }
            Assert.Equal(expected.OnBoundary ? "true" : "false", fields[3 + levels.Length]);
        }
        // And the same through the HTTP single lookup for a sample.
        for (var i = 0; i < points.Count; i += 40)
        {
            var single = JsonDocument.Parse(await server.Client.GetStringAsync(
                $"/api/v1/locate?lon={LocateApiTests.F(points[i].X)}&lat={LocateApiTests.F(points[i].Y)}")).RootElement;
            var fields = lines[i + 1].Split(',');
            var codes = single.GetProperty("levels").EnumerateArray().Select(l => l.TryGetProperty("code", out var c) ? c.GetString() : "");
            Assert.Equal(codes, fields.Skip(3).Take(levels.Length));
        }
    }

    [Fact]
    public async Task JsonBatchEqualsSingleAnswers()
    {
        var points = TestSupport.Points(server.Divisions, seed: 22, random: 700, onLines: 300);
        var body = JsonSerializer.Serialize(points.Select((p, i) => new { id = i % 2 == 0 ? (object)i : $"s{i}", x = p.X, y = p.Y }));
        var answers = JsonDocument.Parse(await Post(body, "application/json")).RootElement.EnumerateArray().ToList();
        Assert.Equal(points.Count, answers.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var a = answers[i];
            Assert.Equal(i % 2 == 0 ? i.ToString(CultureInfo.InvariantCulture) : $"\"s{i}\"", a.GetProperty("id").GetRawText());
            Assert.Equal(points[i].X, a.GetProperty("x").GetDouble());
            CheckLevels(server.Locator.Locate(points[i].X, points[i].Y), a);
        }
    }

    [Fact]
    public async Task GeoJsonBatchKeepsFeaturesAndAddsTheDivisions()
    {
        var points = TestSupport.Points(server.Divisions, seed: 23, random: 300, onLines: 100);
        var body = JsonSerializer.Serialize(new
        {
            type = "FeatureCollection",
            name = "households",
            features = points.Select((p, i) => new
            {
                type = "Feature",
                id = i,
                properties = new { household = $"h{i}", size = i % 5 },
                geometry = new { type = "Point", coordinates = new[] { p.X, p.Y } },
            }),
        });
        var answer = JsonDocument.Parse(await Post(body, "application/geo+json")).RootElement;
        Assert.Equal("FeatureCollection", answer.GetProperty("type").GetString());
        var features = answer.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(points.Count, features.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var f = features[i];
            Assert.Equal(i, f.GetProperty("id").GetInt32());
            var properties = f.GetProperty("properties");
            Assert.Equal($"h{i}", properties.GetProperty("household").GetString());
            Assert.Equal(i % 5, properties.GetProperty("size").GetInt32());
            Assert.Equal(points[i].Y, f.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble());
            CheckLevels(server.Locator.Locate(points[i].X, points[i].Y), properties);
        }
    }

    [Fact]
    public async Task StreamsAMillionPointsInOneRequest()
    {
        const int n = 1_000_000;
        var random = new Random(1);
        var e = new NetTopologySuite.Geometries.Envelope();
        foreach (var d in server.Divisions)
        {
            e.ExpandToInclude(d.Geometry.EnvelopeInternal);
        }
        var xs = new double[n];
        var ys = new double[n];
        for (var i = 0; i < n; i++)
        {
            (xs[i], ys[i]) = (e.MinX + random.NextDouble() * e.Width, e.MinY + random.NextDouble() * e.Height);
        }
        var levels = server.Locator.Levels.Length;
        var expected = new int[n * levels];
        server.Locator.LocateBatch(xs, ys, expected);

        var watch = Stopwatch.StartNew();
        var count = -1;
        var status = await DuplexHttp.PostAsync(new Uri(server.BaseUrl), "/api/v1/locate/batch", "text/csv", async body =>
        {
            var writer = new StreamWriter(body, new UTF8Encoding(false), 1 << 16);
            await writer.WriteAsync("id,x,y\n");
            for (var i = 0; i < n; i++)
            {
                await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{i},{xs[i]:R},{ys[i]:R}\n"));
            }
            await writer.FlushAsync();
        }, line =>
        {
            if (count >= 0 && count % 997 == 0)
            {
                var fields = line.Split(',');
                Assert.Equal(count.ToString(CultureInfo.InvariantCulture), fields[0]);
                for (var l = 0; l < levels; l++)
                {
                    var d = expected[count * levels + l];
                    Assert.Equal(d >= 0 ? server.Locator.Divisions[d].Code : "", fields[3 + l]);
                }
            }
            count++;
            return Task.CompletedTask;
        });
        Assert.Equal(200, status);
        watch.Stop();
        Assert.Equal(n, count);
        output.WriteLine($"1,000,000 points over HTTP (CSV, loopback, test client): {watch.Elapsed.TotalSeconds:F2} s = {n / watch.Elapsed.TotalSeconds / 1e6:F2} M points/s");
    }

    internal static void CheckLevels(LocateResult expected, JsonElement answer)
    {
        foreach (var level in expected.Levels)
        {
            var value = answer.GetProperty(level.Level.ToString().ToLowerInvariant());
            Assert.Equal(level.Division?.Code, value.ValueKind == JsonValueKind.Null ? null : value.GetString());
        }
        Assert.Equal(expected.OnBoundary, answer.GetProperty("on_boundary").GetBoolean());
    }

    private async Task<string> Post(string body, string mediaType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await server.Client.PostAsync("/api/v1/locate/batch", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return text;
    }
}
