using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Survey.Generate;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Sources;

namespace Boundaries.Viewer.Tests.Survey;

/// <summary>
/// A generated clean small city and its generated field survey (as <c>synth --survey</c> writes them: the city in
/// lon/lat, markers and NMEA walks in CITY.survey/), served with the survey folder on a free port.
/// </summary>
public sealed class SurveyCity : IAsyncDisposable
{
    private SurveyCity(string directory, string path, string surveyDirectory, SurveyTruth truth, BoundariesHost host)
    {
        Directory = directory;
        Path = path;
        SurveyDirectory = surveyDirectory;
        Truth = truth;
        Host = host;
        Client = new HttpClient { BaseAddress = new Uri(host.Urls[0]), Timeout = TimeSpan.FromMinutes(2) };
    }

    public string Directory { get; }

    public string Path { get; }

    public string SurveyDirectory { get; }

    public SurveyTruth Truth { get; }

    public BoundariesHost Host { get; }

    public HttpClient Client { get; }

    public string BaseUrl => Host.Urls[0];

    public static async Task<SurveyCity> StartAsync()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "boundaries-survey-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, "city.gpkg");
        var city = CityGenerator.Generate(new CityOptions { Seed = 5, Size = CitySize.Small });
        var lonLat = new ImportedDivisions(path, "synthetic", city.Divisions, CrsSource.Stated, null, []).In(CrsCode.Cgcs2000);
        DivisionFiles.Write(lonLat, path);
        var campaign = SurveyGenerator.Generate(lonLat, new SurveyGenerationOptions { Seed = 5 });
        var surveyDirectory = System.IO.Path.Combine(directory, "city.survey");
        GeneratedSurveyWriter.Write(campaign, surveyDirectory);
        var host = await BoundariesServer.StartAsync(new FileBoundarySource(path),
            new ServerOptions { Urls = "http://127.0.0.1:0", SurveyPaths = [surveyDirectory] });
        return new SurveyCity(directory, path, surveyDirectory, campaign.Truth, host);
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
