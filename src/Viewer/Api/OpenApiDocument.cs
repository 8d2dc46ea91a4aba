using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Boundaries.Viewer.Api;

/// <summary>
/// Serves the hand-written OpenAPI 3.0 definition (Api/openapi.json, embedded) at <c>/api/v1/openapi.json</c>; a test
/// checks that it lists exactly the routes the server maps.
/// </summary>
internal static class OpenApiDocument
{
    public const string Path = "/api/v1/openapi.json";

    public static byte[] Bytes { get; } = Load();

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, () => Results.Bytes(Bytes, "application/vnd.oai.openapi+json;version=3.0"));

    private static byte[] Load()
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream("Boundaries.Viewer.openapi.json")
            ?? throw new InvalidOperationException("the embedded OpenAPI document is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
