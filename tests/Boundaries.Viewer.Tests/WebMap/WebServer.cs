using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Import;
using Boundaries.Geo.Synthesis;
using Boundaries.Survey.Generate;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Security;
using Boundaries.Viewer.Sources;

namespace Boundaries.Viewer.Tests.WebMap;

/// <summary>
/// A real server on 127.0.0.1 (free port) over a private lon/lat copy of a city — the sample city, the dirty sample
/// city, or a generated city with enclaves only — optionally with a generated field survey and with access control.
/// </summary>
public sealed class WebServer : IAsyncDisposable
{
    private WebServer(string directory, string path, string? surveyDirectory, BoundariesHost host)
    {
        Directory = directory;
        Path = path;
        SurveyDirectory = surveyDirectory;
        Host = host;
    }

    public string Directory { get; }

    /// <summary>The served file (edits and applies are written here).</summary>
    public string Path { get; }

    /// <summary>The generated survey's folder (markers and NMEA walks), when one was asked.</summary>
    public string? SurveyDirectory { get; }

    public BoundariesHost Host { get; }

    public string BaseUrl => Host.Urls[0];

    public static string DirtySampleCity => System.IO.Path.Combine(TestSupport.Root, "data", "sample", "tianjin-small-dirty.gpkg");

    /// <summary>Serves a copy of <paramref name="city"/> (a division file) in CGCS2000 lon/lat.</summary>
    public static Task<WebServer> StartAsync(string city, bool survey = false, AccessOptions? access = null) =>
        StartAsync(() => DivisionImporter.Import(city).In(CrsCode.Cgcs2000), survey, access);

    /// <summary>Serves the generated small city with enclave injections only (seed 11, as the enclave browser tests).</summary>
    public static Task<WebServer> StartEnclaveCityAsync(AccessOptions? access = null)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 11, Size = CitySize.Small, Dirty = Enclaves.EnclaveCity.EnclavesOnly });
        return StartAsync(() => new ImportedDivisions("enclaves", "synthetic", city.Divisions, CrsSource.Stated, null, []).In(CrsCode.Cgcs2000), false, access);
    }

    private static async Task<WebServer> StartAsync(Func<Boundaries.Geo.Model.DivisionSet> divisions, bool survey, AccessOptions? access)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "boundaries-web-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, "city.gpkg");
        var lonLat = divisions();
        DivisionFiles.Write(lonLat, path);
        string? surveyDirectory = null;
        if (survey)
        {
            surveyDirectory = System.IO.Path.Combine(directory, "city.survey");
            GeneratedSurveyWriter.Write(SurveyGenerator.Generate(lonLat, new SurveyGenerationOptions { Seed = 5 }), surveyDirectory);
        }
        var host = await BoundariesServer.StartAsync(new FileBoundarySource(path), new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            SurveyPaths = surveyDirectory is null ? [] : [surveyDirectory],
            Access = access ?? AccessOptions.Default,
        });
        return new WebServer(directory, path, surveyDirectory, host);
    }

    public async ValueTask DisposeAsync()
    {
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
