using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Limits;
using Boundaries.Viewer.Sources;

namespace Boundaries.Viewer.Tests.Limits;

/// <summary>
/// Each configured limit, just under (answered normally) and just over (refused with the right status and an
/// RFC 7807 problem naming the limit): body bytes (declared and chunked), batch points in CSV, JSON and GeoJSON,
/// vertices in a line edit, JSON depth, and time per request.
/// </summary>
public sealed class LimitTests : IAsyncLifetime
{
    private const int MaxPoints = 100, MaxVertices = 10;
    private BoundariesHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await BoundariesServer.StartAsync(new FileBoundarySource(TestSupport.SampleCity), new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            Limits = new LimitOptions
            {
                MaxRequestBodyBytes = 4096,
                MaxBatchBodyBytes = 64 * 1024,
                MaxBatchPoints = MaxPoints,
                MaxEditVertices = MaxVertices,
                MaxJsonDepth = 16,
                BatchTimeout = TimeSpan.FromSeconds(1),
            },
        });
        _client = new HttpClient { BaseAddress = new Uri(_host.Urls[0]) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("geojson")]
    public async Task BatchAtTheLimitIsAnsweredAndOneMoreIsRefused(string format)
    {
        using var at = await Batch(format, MaxPoints);
        var body = await at.Content.ReadAsStringAsync();
        Assert.True(at.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(MaxPoints, CountAnswers(format, body));

        using var over = await Batch(format, MaxPoints + 1);
        await AssertProblem(over, 413, "too-many-points");
    }

    [Fact]
    public async Task DeclaredBodyOverTheLimitIsRefusedBeforeReading()
    {
        using var response = await _client.PostAsync("/api/v1/lines/1/edit", new StringContent(new string(' ', 5000) + "{}", Encoding.UTF8, "application/json"));
        await AssertProblem(response, 413, "body-too-large");
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimitIsRefusedWhileReading()
    {
        using var small = await _client.PostAsync("/api/v1/lines/1/edit", new Chunked(Encoding.UTF8.GetBytes("{}"), TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.BadRequest, small.StatusCode); // reaches the endpoint: an incomplete edit
        using var large = await _client.PostAsync("/api/v1/lines/1/edit", new Chunked(Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', 10_000) + "\"}"), TimeSpan.Zero));
        await AssertProblem(large, 413, "body-too-large");
    }

    [Fact]
    public async Task EditWithTooManyVerticesIsRefused()
    {
        static string Edit(int n) => JsonSerializer.Serialize(new
        {
            level = "township",
            base_version = "x",
            author = "a",
            reason = "r",
            coordinates = Enumerable.Range(0, n).Select(i => new[] { 117.0 + i * 1e-4, 39.0 }).ToArray(),
        });
        using var at = await _client.PostAsync("/api/v1/lines/1/edit", new StringContent(Edit(MaxVertices), Encoding.UTF8, "application/json"));
        Assert.NotEqual("urn:boundaries:problem:too-many-vertices", await TypeOf(at)); // reaches the editor, which judges it
        using var over = await _client.PostAsync("/api/v1/lines/1/edit", new StringContent(Edit(MaxVertices + 1), Encoding.UTF8, "application/json"));
        var problem = await AssertProblem(over, 400, "too-many-vertices");
        Assert.Contains((MaxVertices + 1).ToString(CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeeplyNestedJsonIsRefused()
    {
        var deep = new string('[', 17) + new string(']', 17);
        using var response = await _client.PostAsync("/api/v1/locate/batch", new StringContent(deep, Encoding.UTF8, "application/json"));
        await AssertProblem(response, 400, "too-deep");
        var ok = new string('[', 3) + new string(']', 3);
        using var shallow = await _client.PostAsync("/api/v1/locate/batch", new StringContent(ok, Encoding.UTF8, "application/json"));
        Assert.NotEqual("urn:boundaries:problem:too-deep", await TypeOf(shallow));
    }

    [Fact]
    public async Task ASlowBodyIsAnswered408AfterTheTimeout()
    {
        // A raw HTTP/1.1 client: HttpClient would not read the answer before it has sent the whole body.
        var uri = new Uri(_host.Urls[0]);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var network = tcp.GetStream();
        var chunk = "id,x,y\np1,117.2,39.1\n";
        var head = $"POST /api/v1/locate/batch HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n{chunk.Length:x}\r\n{chunk}\r\n";
        await network.WriteAsync(Encoding.ASCII.GetBytes(head));
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var reader = new StreamReader(network, Encoding.UTF8);
        var status = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("HTTP/1.1 408 Request Timeout", status);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(4), $"answered after {started.Elapsed}");
        // The server closes (and may reset) the connection after the answer, as the rest of the body is never read.
        var rest = new StringBuilder();
        try
        {
            while (await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) is { } line)
            {
                rest.AppendLine(line);
            }
        }
        catch (IOException)
        {
        }
        Assert.Contains("urn:boundaries:problem:request-timeout", rest.ToString(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> Batch(string format, int n)
    {
        var points = Enumerable.Range(0, n).Select(i => (Id: "p" + i, X: 117.1 + i * 1e-4, Y: 39.1)).ToList();
        var (text, media) = format switch
        {
            "csv" => ("id,x,y\n" + string.Concat(points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Id},{p.X},{p.Y}\n"))), "text/csv"),
            "json" => (JsonSerializer.Serialize(points.Select(p => new { id = p.Id, x = p.X, y = p.Y })), "application/json"),
            _ => (JsonSerializer.Serialize(new
            {
                type = "FeatureCollection",
                features = points.Select(p => new { type = "Feature", id = p.Id, properties = new { name = "{[\"}" }, geometry = new { type = "Point", coordinates = new[] { p.X, p.Y } } }),
            }), "application/geo+json"),
        };
        return await _client.PostAsync("/api/v1/locate/batch", new StringContent(text, Encoding.UTF8, media));
    }

    private static int CountAnswers(string format, string body) => format switch
    {
        "csv" => body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1,
        "json" => JsonDocument.Parse(body).RootElement.GetArrayLength(),
        _ => JsonDocument.Parse(body).RootElement.GetProperty("features").GetArrayLength(),
    };

    private static async Task<string?> TypeOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, int status, string slug)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal("urn:boundaries:problem:" + slug, root.GetProperty("type").GetString());
        Assert.Equal(status, root.GetProperty("status").GetInt32());
        return root;
    }

    /// <summary>A body of unknown length (sent chunked), optionally pausing before its last byte.</summary>
    private sealed class Chunked : HttpContent
    {
        private readonly byte[] bytes;
        private readonly TimeSpan pause;

        public Chunked(byte[] bytes, TimeSpan pause, string media = "application/json")
        {
            this.bytes = bytes;
            this.pause = pause;
            Headers.ContentType = new MediaTypeHeaderValue(media);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes.AsMemory(0, bytes.Length - 1));
            await stream.FlushAsync();
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause);
            }
            await stream.WriteAsync(bytes.AsMemory(bytes.Length - 1));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
