using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Sources;

namespace Boundaries.Viewer.Tests.WebMap;

/// <summary>
/// A real server on 127.0.0.1 (free port) over a private copy of the sample city, so edits never touch data/sample.
/// With <c>twoVersions</c>, one township is renamed on <see cref="RenameDay"/> (old record ends, new record starts).
/// </summary>
public sealed class CityServer : IAsyncDisposable
{
    public static readonly DateOnly RenameDay = new(2024, 1, 1);

    private CityServer(string directory, string path, BoundariesHost host, IReadOnlyList<Division> divisions, Division? renamed)
    {
        Directory = directory;
        Path = path;
        Host = host;
        Divisions = divisions;
        Renamed = renamed;
        Client = new HttpClient { BaseAddress = new Uri(host.Urls[0]), Timeout = TimeSpan.FromMinutes(2) };
    }

    public string Directory { get; }

    public string Path { get; }

    public BoundariesHost Host { get; }

    public HttpClient Client { get; }

    public string BaseUrl => Host.Urls[0];

    /// <summary>The divisions written to the served file (lon/lat), every version.</summary>
    public IReadOnlyList<Division> Divisions { get; }

    /// <summary>The township that was renamed (its old record), when two versions were asked.</summary>
    public Division? Renamed { get; }

    public static async Task<CityServer> StartAsync(bool twoVersions, Boundaries.Viewer.Security.AccessOptions? access = null)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "boundaries-viewer-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, "city.gpkg");
        var divisions = DivisionImporter.Import(TestSupport.SampleCity).In(CrsCode.Cgcs2000).Divisions.ToList();
        Division? renamed = null;
        if (twoVersions)
        {
            var i = divisions.FindIndex(d => d.Level == DivisionLevel.Township);
            renamed = divisions[i] with { ValidTo = RenameDay };
            divisions[i] = renamed;
            divisions.Add(renamed with { Name = "新" + renamed.Name, ValidFrom = RenameDay, ValidTo = null });
        }
        DivisionFiles.Write(new DivisionSet([.. divisions], CrsCode.Cgcs2000), path);
        var host = await BoundariesServer.StartAsync(new FileBoundarySource(path), new ServerOptions { Urls = "http://127.0.0.1:0", Access = access ?? Boundaries.Viewer.Security.AccessOptions.Default });
        return new CityServer(directory, path, host, divisions, renamed);
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
