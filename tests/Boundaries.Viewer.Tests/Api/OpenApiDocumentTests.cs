using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Boundaries.Viewer.Tests.Api;

/// <summary>The hand-written OpenAPI document describes exactly the routes the server maps.</summary>
public sealed class OpenApiDocumentTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task ListsExactlyTheMappedRoutes()
    {
        var document = JsonDocument.Parse(await server.Client.GetStringAsync("/api/v1/openapi.json")).RootElement;
        Assert.StartsWith("3.0", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}")).Order().ToList();
        var mapped = server.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order().ToList();
        Assert.Equal(mapped, documented);
    }
}
