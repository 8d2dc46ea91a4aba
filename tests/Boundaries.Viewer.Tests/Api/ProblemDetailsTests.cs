using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Boundaries.Viewer.Tests.Api;

/// <summary>Bad input is answered with RFC 7807 problem details, in English or Chinese by Accept-Language.</summary>
public sealed class ProblemDetailsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    // invalid query parameters

    [Theory]
    [InlineData("/api/v1/locate?lon=abc&lat=39.1", "invalid-coordinate", "lon")]
    [InlineData("/api/v1/locate?lat=39.1", "invalid-coordinate", "lon")]
    [InlineData("/api/v1/locate?lon=117.1&lat=95", "invalid-coordinate", "lat")]
    [InlineData("/api/v1/locate?lon=117.1&lat=39.1&crs=EPSG:9999", "unknown-crs", "EPSG:9999")]
    [InlineData("/api/v1/locate?lon=117.1&lat=39.1&at=2020-13-01", "invalid-date", "2020-13-01")]
    [InlineData("/api/v1/locate?lon=117.1&lat=39.1&sigma=-1", "invalid-sigma", "-1")]
    [InlineData("/collections/township/items?bbox=1,2,3", "invalid-bbox", "1,2,3")]
    [InlineData("/collections/township/items?limit=0", "invalid-limit", "limit")]
    [InlineData("/collections/township/items?datetime=yesterday", "invalid-datetime", "yesterday")]
    public async Task AnswersBadQueriesWith400ProblemDetails(string url, string slug, string mentioned)
    {
        var (status, type, problem) = await Send(new HttpRequestMessage(HttpMethod.Get, url));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal("urn:boundaries:problem:" + slug, problem.GetProperty("type").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Contains(mentioned, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpeaksChineseWhenTheCallerPrefersIt()
    {
        var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/locate?lon=x&lat=39");
        english.Headers.AcceptLanguage.ParseAdd("en-US,zh;q=0.5");
        var chinese = new HttpRequestMessage(HttpMethod.Get, "/api/v1/locate?lon=x&lat=39");
        chinese.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.8");
        var (_, _, en) = await Send(english);
        var (_, _, zh) = await Send(chinese);
        Assert.Equal("Invalid coordinate", en.GetProperty("title").GetString());
        Assert.Equal("坐标无效", zh.GetProperty("title").GetString());
        Assert.Contains("不是数字", zh.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(en.GetProperty("type").GetString(), zh.GetProperty("type").GetString());
    }

    // bodies and resources

    [Fact]
    public async Task RefusesAnUnknownBodyTypeWith415()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/locate/batch") { Content = new StringContent("1 2", Encoding.UTF8, "text/plain") };
        var (status, _, problem) = await Send(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("urn:boundaries:problem:unsupported-media-type", problem.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("text/csv", "id,x,y\n1,117.0,39.1\n2,east,39.1\n", "line 3")]
    [InlineData("text/csv", "id,a,b\n1,117.0,39.1\n", "no x")]
    [InlineData("application/json", "[{\"id\":1,\"x\":117.0,\"y\":39.1},{\"id\":2,\"x\":\"east\",\"y\":39.1}]", "element 1")]
    [InlineData("application/json", "[{\"id\":1,\"x\":117.0,", "not valid JSON")]
    [InlineData("application/geo+json", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]}}]}", "feature 0")]
    public async Task AnswersAnUnreadableBatchWith400NamingWhere(string mediaType, string body, string mentioned)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/locate/batch") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        var (status, _, problem) = await Send(request);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("urn:boundaries:problem:invalid-body", problem.GetProperty("type").GetString());
        Assert.Contains(mentioned, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/collections/parish")]
    [InlineData("/collections/township/items/999999")]
    public async Task AnswersUnknownResourcesWith404(string url)
    {
        var (status, type, problem) = await Send(new HttpRequestMessage(HttpMethod.Get, url));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal("urn:boundaries:problem:not-found", problem.GetProperty("type").GetString());
    }

    private async Task<(HttpStatusCode Status, string? MediaType, JsonElement Problem)> Send(HttpRequestMessage request)
    {
        using var response = await server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(body).RootElement.Clone());
    }
}
