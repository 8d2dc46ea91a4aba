using System.Text;
using System.Text.Json;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Security;
using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Boundaries.Viewer.Tests.Api;

/// <summary>
/// The OpenAPI document against the running server: every mapped route is documented with its method, declares the
/// permission <see cref="AccessRules"/> actually requires, the security schemes (X-Api-Key, bearer JWT), 401 and 408
/// everywhere, 403 on writes and 413 where a body is read — and the server really answers 401 to an unknown key and 403
/// to a viewer's key exactly where the document says it can.
/// </summary>
public sealed class OpenApiSecurityTests : IAsyncLifetime
{
    private const string ViewerKey = "openapi-viewer-key-5c1d";
    private BoundariesHost _host = null!;
    private JsonElement _document;

    public async Task InitializeAsync()
    {
        _host = await BoundariesServer.StartAsync(new FileBoundarySource(TestSupport.SampleCity), new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            Access = new AccessOptions { ApiKeys = [ApiKey.For("gis", AccessRole.Viewer, ViewerKey)], Anonymous = AnonymousAccess.Always },
        });
        using var client = new HttpClient { BaseAddress = new Uri(_host.Urls[0]) };
        _document = JsonDocument.Parse(await client.GetStringAsync("/api/v1/openapi.json")).RootElement.Clone();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void DeclaresTheApiKeyAndBearerSchemes()
    {
        var schemes = _document.GetProperty("components").GetProperty("securitySchemes");
        var key = schemes.GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", AccessMiddleware.ApiKeyHeader), (key.GetProperty("type").GetString(), key.GetProperty("in").GetString(), key.GetProperty("name").GetString()));
        var bearer = schemes.GetProperty("Bearer");
        Assert.Equal(("http", "bearer", "JWT"), (bearer.GetProperty("type").GetString(), bearer.GetProperty("scheme").GetString(), bearer.GetProperty("bearerFormat").GetString()));
    }

    [Fact]
    public void EveryMappedRouteIsDocumentedWithItsPermissionSecurityAndRefusals()
    {
        var routes = MappedRoutes();
        Assert.True(routes.Count >= 25, $"only {routes.Count} routes mapped");
        foreach (var (method, template) in routes)
        {
            var where = $"{method} {template}";
            Assert.True(_document.GetProperty("paths").TryGetProperty(template, out var item), where + " is not in the document");
            Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var op), where + ": the method is not documented");
            var needed = AccessRules.Required(method, new PathString(Concrete(template)));
            Assert.Equal(needed.ToString().ToLowerInvariant(), op.GetProperty("x-boundaries-permission").GetString());
            var security = op.GetProperty("security").EnumerateArray().ToList();
            var names = security.SelectMany(s => s.EnumerateObject().Select(p => p.Name)).ToHashSet();
            Assert.True(names.SetEquals(["ApiKey", "Bearer"]), where + ": security names " + string.Join(',', names));
            var anonymousAllowed = security.Any(s => !s.EnumerateObject().Any());
            Assert.True(anonymousAllowed == (needed == AccessPermission.Read), where + ": an empty security requirement (anonymous) only on reads");
            var responses = op.GetProperty("responses");
            foreach (var status in Expected(method, needed))
            {
                Assert.True(responses.TryGetProperty(status, out var answer), $"{where} does not declare {status}");
                Assert.True(Resolve(answer).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{where} {status} is not a problem answer");
            }
            Assert.Equal(needed != AccessPermission.Read, responses.TryGetProperty("403", out _));
        }
    }

    [Fact]
    public async Task TheServerRefusesExactlyWhereTheDocumentSaysItCan()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_host.Urls[0]) };
        foreach (var (method, template) in MappedRoutes())
        {
            var declares403 = _document.GetProperty("paths").GetProperty(template).GetProperty(method.ToLowerInvariant()).GetProperty("responses").TryGetProperty("403", out _);
            Assert.Equal(401, await StatusAsync(client, method, template, "not-a-known-key"));
            var byViewer = await StatusAsync(client, method, template, ViewerKey);
            Assert.True((byViewer == 403) == declares403, $"{method} {template}: a viewer got {byViewer}, the document {(declares403 ? "declares" : "does not declare")} 403");
        }
    }

    private static IEnumerable<string> Expected(string method, AccessPermission needed)
    {
        yield return "401";
        yield return "408";
        if (needed != AccessPermission.Read)
        {
            yield return "403";
        }
        if (HttpMethods.IsPost(method))
        {
            yield return "413";
        }
    }

    private JsonElement Resolve(JsonElement answer) =>
        answer.TryGetProperty("$ref", out var reference)
            ? _document.GetProperty("components").GetProperty("responses").GetProperty(reference.GetString()!["#/components/responses/".Length..])
            : answer;

    private List<(string Method, string Template)> MappedRoutes() =>
        [.. _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct().OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.m, StringComparer.Ordinal)];

    private static string Concrete(string template) => System.Text.RegularExpressions.Regex.Replace(template, "\\{[^}]+\\}", "1");

    private static async Task<int> StatusAsync(HttpClient client, string method, string template, string key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(template));
        request.Headers.Add(AccessMiddleware.ApiKeyHeader, key);
        if (HttpMethods.IsPost(method))
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }
}
