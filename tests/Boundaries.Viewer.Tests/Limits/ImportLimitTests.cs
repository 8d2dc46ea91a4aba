using System.Net;
using System.Text;
using System.Text.Json;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Limits;
using Boundaries.Viewer.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace Boundaries.Viewer.Tests.Limits;

/// <summary>
/// Survey uploads (<c>POST /api/v1/survey/files</c>) under <see cref="LimitOptions.MaxImportLineBytes"/>: a line over the
/// limit is a 413 problem naming file, line and limit (English or Chinese), and a refused or unreadable upload leaves the
/// survey as it was (no file kept, the survey endpoints still answer).
/// </summary>
public sealed class ImportLimitTests : IAsyncLifetime
{
    private BoundariesHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await BoundariesServer.StartAsync(new FileBoundarySource(TestSupport.SampleCity), new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            Limits = new LimitOptions { MaxImportLineBytes = 1024 },
        });
        _client = new HttpClient { BaseAddress = new Uri(_host.Urls[0]) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("en", "walk.nmea, line 3: the line is longer than the import limit of 1024 bytes")]
    [InlineData("zh-CN", "walk.nmea，第 3 行：该行超过导入上限 1024 字节")]
    public async Task ALineOverTheLimitIsRefusedNamingFileLineAndLimit(string language, string expected)
    {
        var body = "$GPGGA,1\r\n$GPRMC,2\r\n" + new string('A', 5000) + "\r\n";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/survey/files?name=walk.nmea") { Content = new StringContent(body, Encoding.ASCII) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("urn:boundaries:problem:line-too-long", problem.RootElement.GetProperty("type").GetString());
        Assert.Contains(expected, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertSurveyUnchanged();
    }

    [Fact]
    public async Task AnUnreadableUploadIsNotKept()
    {
        using var response = await _client.PostAsync("/api/v1/survey/files?name=broken.gpx", new StringContent("<?xml version=\"1.0\"?><gpx><trk><trkseg><trkpt lat=", Encoding.UTF8));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("broken.gpx", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertSurveyUnchanged();
    }

    private async Task AssertSurveyUnchanged()
    {
        // Nothing was given at start and nothing was kept: the dashboard still says "no survey" (not a 500 from a kept bad file).
        using var survey = await _client.GetAsync("/api/v1/survey");
        Assert.Equal(HttpStatusCode.NotFound, survey.StatusCode);
        var catalog = _host.Services.GetRequiredService<Boundaries.Viewer.Survey.SurveyCatalog>();
        Assert.False(catalog.Any);
        Assert.True(!Directory.Exists(catalog.UploadDirectory) || Directory.GetFiles(catalog.UploadDirectory).Length == 0);
    }
}
