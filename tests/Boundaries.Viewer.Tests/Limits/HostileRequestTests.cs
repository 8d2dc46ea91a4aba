using System.Net;
using System.Text;
using System.Text.Json;

namespace Boundaries.Viewer.Tests.Limits;

/// <summary>
/// Hostile and broken requests against a running server: every batch body in tests/corpus/batch, hostile query
/// values for locate, hostile line edits, and seeded random bytes. Each is answered below 500 — a 4xx being an
/// RFC 7807 problem with a detail — and the server keeps answering ordinary lookups afterwards.
/// </summary>
public sealed class HostileRequestTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public static TheoryData<string> BatchBodies()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(TestSupport.Root, "tests", "corpus", "batch")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BatchBodies))]
    public async Task EachCorpusBatchBodyIsAnsweredWithoutAServerError(string name)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(TestSupport.Root, "tests", "corpus", "batch", name));
        var media = Path.GetExtension(name) switch { ".csv" => "text/csv", ".geojson" => "application/geo+json", _ => "application/json" };
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(media);
        using var response = await server.Client.PostAsync("/api/v1/locate/batch", content);
        await AssertClean(response, name);
        await AssertStillServing();
    }

    [Theory]
    [InlineData("lon=NaN&lat=39.1")]
    [InlineData("lon=Infinity&lat=-Infinity")]
    [InlineData("lon=1e999&lat=39.1")]
    [InlineData("lon=117.2&lat=39.1&crs=EPSG:4326'%3B%20DROP%20TABLE%20divisions%3B--")]
    [InlineData("lon=%FF%FE&lat=39.1")]
    [InlineData("lon=117.2&lat=39.1&at=9999-99-99")]
    [InlineData("lon=117.2&lat=39.1&sigma=-1")]
    [InlineData("lon=117.2")]
    public async Task HostileLocateQueriesAreRefusedAsProblems(string query)
    {
        using var response = await server.Client.GetAsync("/api/v1/locate?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertClean(response, query);
    }

    [Theory]
    [InlineData("{\"level\":\"township\",\"base_version\":\"x\",\"author\":\"a\",\"reason\":\"r\",\"coordinates\":[[NaN,39.1],[117.2,39.1]]}")]
    [InlineData("{\"level\":\"township\",\"base_version\":\"x\",\"author\":\"a\",\"reason\":\"r\",\"coordinates\":[[1e999,39.1],[117.2,39.1]]}")]
    [InlineData("{\"level\":\"township\",\"base_version\":\"x\",\"author\":\"a\",\"reason\":\"r\",\"coordinates\":[[\"117\",\"39\"]]}")]
    [InlineData("{\"level\":\"township'; DROP TABLE divisions;--\",\"base_version\":\"x\",\"author\":\"a\",\"reason\":\"r\",\"coordinates\":[[117.2,39.1],[117.3,39.1]]}")]
    [InlineData("{\"level\":\"township\",\"base_version\":\"x\",\"author\":\"a\",\"reason\":\"r\",\"coordinates\":[[117.2],[117.3,39.1]]}")]
    [InlineData("{\"level\":\"township\",\"base_version\":\"x\",\"author\":\"a\",\"reason\":\"r\",\"coordinates\":[[1e300,1e300],[-1e300,1e300]]}")]
    [InlineData("{\"level\":")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task HostileLineEditsAreRefusedAndNothingIsSaved(string body)
    {
        var before = await File.ReadAllBytesAsync(TestSupport.SampleCity);
        using var response = await server.Client.PostAsync("/api/v1/lines/1/edit", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode} for {body}");
        await AssertClean(response, body);
        Assert.Equal(before, await File.ReadAllBytesAsync(TestSupport.SampleCity));
    }

    [Fact]
    public async Task RandomBytesInEveryFormatNeverCauseAServerError()
    {
        var rng = new Random(20261128);
        string[] media = ["text/csv", "application/json", "application/geo+json"];
        for (var i = 0; i < 150; i++)
        {
            // Half pure noise, half a valid start followed by noise: both the first and later points are attacked.
            var prefix = (i % 2) switch { 0 => "", _ => i % 3 == 0 ? "id,x,y\np0,117.2,39.1\n" : "[{\"id\":\"p0\",\"x\":117.2,\"y\":39.1}," };
            var noise = new byte[rng.Next(1, 400)];
            rng.NextBytes(noise);
            var content = new ByteArrayContent([.. Encoding.UTF8.GetBytes(prefix), .. noise]);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(media[i % 3]);
            HttpResponseMessage response;
            try
            {
                response = await server.Client.PostAsync("/api/v1/locate/batch", content);
            }
            catch (HttpRequestException)
            {
                // A bad point after the answer had started aborts the connection on purpose (never a shortened 200).
                continue;
            }
            using (response)
            {
                await AssertClean(response, $"case {i}");
            }
        }
        await AssertStillServing();
    }

    private static async Task AssertClean(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{what}: {status} {body}");
        if (status is 409 or 422)
        {
            // The line editor's conflict and blocked answers: JSON with a type and a title (its own documented shape).
            using var answer = JsonDocument.Parse(body);
            Assert.False(string.IsNullOrWhiteSpace(answer.RootElement.GetProperty("title").GetString()), what);
        }
        else if (status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : problem.RootElement.GetProperty("title").GetString()), what);
        }
    }

    private async Task AssertStillServing()
    {
        using var ok = await server.Client.GetAsync("/api/v1/locate?lon=117.2&lat=39.1");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
