using Boundaries.Geo.Formats;
using Boundaries.Geo.Synthesis;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Sources;

namespace Boundaries.Viewer.Tests.Enclaves;

/// <summary>
/// A generated small city with enclave injections only (no tiling defects, so validation does not block an apply),
/// written to a private GeoPackage in its Gauss-Krüger plane and served on a free port.
/// </summary>
public sealed class EnclaveCity : IAsyncDisposable
{
    public static readonly DirtyOptions EnclavesOnly = DirtyOptions.None with
    {
        Exclave = true, Enclave = true, CounterEnclave = true, SemiEnclave = true, SurroundedDivision = true,
    };

    private EnclaveCity(string directory, string path, SyntheticCity city, BoundariesHost host)
    {
        Directory = directory;
        Path = path;
        City = city;
        Host = host;
        Client = new HttpClient { BaseAddress = new Uri(host.Urls[0]), Timeout = TimeSpan.FromMinutes(2) };
    }

    public string Directory { get; }

    public string Path { get; }

    /// <summary>The generated city (EPSG:4548, 1 mm grid): the oracle's input.</summary>
    public SyntheticCity City { get; }

    public BoundariesHost Host { get; }

    public HttpClient Client { get; }

    public string BaseUrl => Host.Urls[0];

    /// <param name="prepare">Runs on the written GeoPackage before the server starts (to add a markers layer).</param>
    public static async Task<EnclaveCity> StartAsync(Action<string>? prepare = null)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "boundaries-enclaves-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, "city.gpkg");
        var city = CityGenerator.Generate(new CityOptions { Seed = 11, Size = CitySize.Small, Dirty = EnclavesOnly });
        DivisionFiles.Write(city.Divisions, path);
        prepare?.Invoke(path);
        var host = await BoundariesServer.StartAsync(new FileBoundarySource(path), new ServerOptions { Urls = "http://127.0.0.1:0" });
        return new EnclaveCity(directory, path, city, host);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a late watcher event may still hold the folder; it is under /tmp
        }
    }
}
