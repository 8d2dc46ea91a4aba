using System.Security.Cryptography;
using System.Text;
using Boundaries.Cli.Tests.Commands;
using System.Text.Json;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Sources;
using FsCheck.Xunit;

namespace Boundaries.Cli.Tests.Hardening;

/// <summary>
/// Properties over the HTTP API of a real server (loopback, over a private copy of the sample city, writes allowed as
/// the local admin): a random documented operation (src/Viewer/Api/openapi.json) with hostile path values, random query
/// parameters and, for POSTs, a hostile body (a mutated good body, a corpus file, random bytes) under a random media
/// type is answered with a status the document declares for that operation (or Kestrel's 414/431 for a request line or
/// headers over its limits) and never 5xx; every request ends (the
/// client's token cancels a hang, which fails); and after every refused write the served file, its change log and the
/// version are exactly as before (no partial write). Each request is counted in <see cref="HostileTally"/>.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HttpPropertyTests : IAsyncLifetime
{
    private static readonly string[] Values =
    [
        "", "0", "-0", "NaN", "nan", "Infinity", "-Infinity", "1e999", "-1e308", "117.2", "39.1", "999999999999999999999",
        "'; DROP TABLE divisions;--", "\" OR 1=1 --", "%00", "%FF%FE", "%C3", "%ED%A0%80", "..%2F..%2Fetc%2Fpasswd", "../../etc/passwd",
        "界桩", "EPSG:4490", "EPSG:1", "gcj02", "2024-02-30", "2024-01-01/..", "../..", "1,2,3", "117,39,118,40", "117,39,117,39",
        "-180,-90,180,90", "township", "province", "none", new string('9', 3000), new string('a', 20000), "%2C%2C%2C", "1/0", "0x10", "+1", "１２３",
    ];

    private static readonly string[] Keys =
    [
        "lon", "lat", "x", "y", "crs", "at", "sigma", "bbox", "limit", "offset", "datetime", "level", "width", "height", "f",
        "name", "code", "bbox-crs", "crs-out", "lang", "version", "id",
    ];

    private static readonly string[] MediaTypes =
        ["application/json", "application/geo+json", "text/csv", "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=gbk", ""];

    private static readonly string[] WriteRoutes =
        ["/api/v1/lines/{id}/edit", "/api/v1/divisions/split", "/api/v1/divisions/merge", "/api/v1/enclaves/apply"];

    private static readonly byte[][] GoodBodies =
    [
        """{"level":"township","base_version":"1","coordinates":[[117.1,39.1],[117.2,39.2]],"author":"张工","reason":"复测"}"""u8.ToArray(),
        """{"level":"township","code":"120101001","other":"120101002","base_version":1,"author":"a","reason":"r"}"""u8.ToArray(),
        """{"level":"township","code":"120101001","line":[[117.1,39.1],[117.2,39.2]],"new_code":"120101999","base_version":1,"author":"a","reason":"r"}"""u8.ToArray(),
        """{"level":"township","choices":[{"index":0,"kind":"keep"}],"base_version":1,"effective_date":"2025-01-01","author":"a","reason":"r"}"""u8.ToArray(),
        "id,x,y\np1,117.2,39.1\np2,117.3,39.2\n"u8.ToArray(),
        """[{"id":"p1","x":117.2,"y":39.1}]"""u8.ToArray(),
        """{"type":"FeatureCollection","features":[{"type":"Feature","id":"p","properties":{},"geometry":{"type":"Point","coordinates":[117.2,39.1]}}]}"""u8.ToArray(),
        "$GPGGA,040018.00,3907.40,N,11712.00,E,4,12,0.8,10.1,M,-5.0,M,1.0,0000*00\r\n"u8.ToArray(),
    ];

    private readonly HostileTally _tally;
    private readonly List<(string Method, string Template, HashSet<int> Declared)> _operations;
    private readonly byte[][] _corpus;
    private string _dir = null!;
    private string _city = null!;
    private BoundariesHost _host = null!;
    private HttpClient _client = null!;

    public HttpPropertyTests(HostileTally tally)
    {
        _tally = tally;
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ServeAccessTests.RepoRoot(), "src", "Viewer", "Api", "openapi.json")));
        _operations = [.. document.RootElement.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(m => m.Name is "get" or "post")
            .Select(m => (m.Name.ToUpperInvariant(), path.Name,
                m.Value.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet())))];
        _corpus = [.. Directory.GetFiles(Path.Combine(ServeAccessTests.RepoRoot(), "tests", "corpus"), "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length < 512 * 1024).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
    }

    public async Task InitializeAsync()
    {
        _dir = Directory.CreateTempSubdirectory("boundaries-http-prop-").FullName;
        _city = Path.Combine(_dir, "city.gpkg");
        File.Copy(Path.Combine(ServeAccessTests.RepoRoot(), "data", "sample", "tianjin-small.gpkg"), _city);
        _host = await BoundariesServer.StartAsync(new FileBoundarySource(_city), new ServerOptions { Urls = "http://127.0.0.1:0" });
        _client = new HttpClient { BaseAddress = new Uri(_host.Urls[0]), Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void EveryDocumentedOperationIsExercised() => Assert.True(_operations.Count >= 25, $"{_operations.Count} operations");

    [Property(MaxTest = 400)]
    public async Task<bool> AnyOperationWithHostileInputIsAnsweredAsDocumented(int seed)
    {
        var random = new Random(seed);
        var (method, template, declared) = _operations[random.Next(_operations.Count)];
        return await TryAsync(random, method, template, declared);
    }

    [Property(MaxTest = 200)]
    public async Task<bool> HostileWritesLeaveTheStoreAsItWas(int seed)
    {
        var random = new Random(seed);
        var template = WriteRoutes[random.Next(WriteRoutes.Length)];
        var declared = _operations.Single(o => o.Method == "POST" && o.Template == template).Declared;
        return await TryAsync(random, "POST", template, declared);
    }

    [Fact]
    public async Task EveryCorpusBodyIsAnsweredAsDocumentedOnEveryPost()
    {
        foreach (var (method, template, declared) in _operations.Where(o => o.Method == "POST"))
        {
            for (var i = 0; i < _corpus.Length; i++)
            {
                var random = new Random(i);
                Assert.True(await TryAsync(random, method, template, declared, _corpus[i]), $"{template} with corpus file {i}");
            }
        }
    }

    private async Task<bool> TryAsync(Random random, string method, string template, HashSet<int> declared, byte[]? body = null)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(template, "\\{[^}]+\\}", _ => Uri.EscapeDataString(Values[random.Next(Values.Length)]).Replace("%25", "%", StringComparison.Ordinal));
        var query = string.Join('&', Enumerable.Range(0, random.Next(5)).Select(_ => $"{Keys[random.Next(Keys.Length)]}={Escape(Values[random.Next(Values.Length)])}"));
        using var request = new HttpRequestMessage(new HttpMethod(method), path + (query.Length > 0 ? "?" + query : ""));
        var write = WriteRoutes.Contains(template);
        if (method == "POST")
        {
            body ??= random.Next(4) switch
            {
                0 => _corpus[random.Next(_corpus.Length)],
                1 => [.. Enumerable.Range(0, random.Next(2000)).Select(_ => (byte)random.Next(256))],
                _ => Mutator.Mutate(GoodBodies[random.Next(GoodBodies.Length)], random.Next()),
            };
            request.Content = new ByteArrayContent(body);
            var media = MediaTypes[random.Next(MediaTypes.Length)];
            if (media.Length > 0)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", media);
            }
        }
        var before = write ? Snapshot() : null;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _tally.Tried("http", crashed: true);
            throw new TimeoutException($"{method} {request.RequestUri}: no answer, a hang");
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(cancel.Token);
            // 414 and 431 are Kestrel's own answers to a request line or headers over its limits, before any endpoint;
            // so is an empty 400 to a path holding an encoded NUL (%00), which Kestrel refuses before routing.
            var kestrelRefusal = status is 414 or 431
                || (status == 400 && text.Length == 0 && request.RequestUri!.OriginalString.Contains("%00", StringComparison.Ordinal));
            var crashed = status >= 500 || !(declared.Contains(status) || kestrelRefusal);
            var lost = write && status != 200 && Snapshot() != before;
            _tally.Tried(write ? "http writes" : "http", crashed, lost);
            Assert.False(crashed, $"{method} {request.RequestUri} ({request.Content?.Headers.ContentType}): {status}, declared {string.Join(',', declared.Order())}: {text[..Math.Min(text.Length, 400)]}");
            Assert.False(lost, $"{method} {request.RequestUri}: refused with {status} but the store changed");
            return true;
        }
    }

    /// <summary>The served file's bytes, its change log and the version the server reports, as one value.</summary>
    private string Snapshot()
    {
        var log = _city + ".changes.jsonl";
        var version = _host.Version;
        return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(_city))) + "|" + (File.Exists(log) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(log))) : "-") + "|" + version;
    }

    private static string Escape(string value) => value.StartsWith('%') ? value : Uri.EscapeDataString(value);
}
