using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Sources;
using NetTopologySuite.IO;

namespace Boundaries.Viewer.Tests.Enclaves;

/// <summary>
/// Two townships that each hold a piece inside the other (Gauss-Krüger metres): A = [0,1000]×[0,1000] with B's piece
/// [300,500]² inside it, B = [1000,2000]×[0,1000] with A's piece [1300,1500]×[300,500] inside it, under district
/// 120101. Each piece is an enclave whose transfer to its host pairs with the other's into a swap. Served on a free port.
/// </summary>
public sealed class SwapCity : IAsyncDisposable
{
    public const string A = "120101001";
    public const string B = "120101002";
    private const double X = 500000, Y = 4300000;

    private SwapCity(string directory, string path, BoundariesHost host)
    {
        Directory = directory;
        Path = path;
        Host = host;
        Client = new HttpClient { BaseAddress = new Uri(host.Urls[0]), Timeout = TimeSpan.FromMinutes(2) };
    }

    public string Directory { get; }

    public string Path { get; }

    public BoundariesHost Host { get; }

    public HttpClient Client { get; }

    public string BaseUrl => Host.Urls[0];

    private static string Box(double x0, double y0, double x1, double y1) =>
        FormattableString.Invariant($"({X + x0} {Y + y0}, {X + x1} {Y + y0}, {X + x1} {Y + y1}, {X + x0} {Y + y1}, {X + x0} {Y + y0})");

    public static DivisionSet Divisions()
    {
        var wkt = new WKTReader();
        return new DivisionSet([
            new Division("120101", "和平区", DivisionLevel.District, null,
                wkt.Read(FormattableString.Invariant($"POLYGON(({X} {Y}, {X + 1000} {Y}, {X + 2000} {Y}, {X + 2000} {Y + 1000}, {X + 1000} {Y + 1000}, {X} {Y + 1000}, {X} {Y}))"))),
            new Division(A, "甲街道", DivisionLevel.Township, "120101",
                wkt.Read($"MULTIPOLYGON(({Box(0, 0, 1000, 1000)}, {Box(300, 300, 500, 500)}), ({Box(1300, 300, 1500, 500)}))")),
            new Division(B, "乙街道", DivisionLevel.Township, "120101",
                wkt.Read($"MULTIPOLYGON(({Box(1000, 0, 2000, 1000)}, {Box(1300, 300, 1500, 500)}), ({Box(300, 300, 500, 500)}))")),
        ], CrsCode.Parse("EPSG:4548"));
    }

    public static async Task<SwapCity> StartAsync()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "boundaries-swap-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, "swap.gpkg");
        DivisionFiles.Write(Divisions(), path);
        var host = await BoundariesServer.StartAsync(new FileBoundarySource(path), new ServerOptions { Urls = "http://127.0.0.1:0" });
        return new SwapCity(directory, path, host);
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
