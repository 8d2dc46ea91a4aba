using Boundaries.Geo.Locate;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Sources;

namespace Boundaries.Viewer.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 (a free port) over the sample city, shared by a test class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public BoundariesHost Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string BaseUrl => Host.Urls[0];

    internal IReadOnlyList<Division> Divisions { get; private set; } = [];

    internal DivisionLocator Locator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (Divisions, Locator) = TestSupport.LoadCity(TestSupport.SampleCity);
        Host = await BoundariesServer.StartAsync(new FileBoundarySource(TestSupport.SampleCity), new ServerOptions { Urls = "http://127.0.0.1:0" });
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
