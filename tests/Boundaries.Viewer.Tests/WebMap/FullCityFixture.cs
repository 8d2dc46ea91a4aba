using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Sources;
using OpenQA.Selenium.Chrome;

namespace Boundaries.Viewer.Tests.WebMap;

/// <summary>
/// The full-size sample city (seed 1: 1 prefecture, 16 districts, 250 townships, about 950,000 vertices) generated,
/// written to a GeoPackage, served on a free loopback port, and opened once in headless chromium.
/// </summary>
public sealed class FullCityFixture : IAsyncLifetime
{
    private string _directory = null!;

    public IReadOnlyList<Division> Divisions { get; private set; } = [];

    public BoundariesHost Host { get; private set; } = null!;

    public ChromeDriver Driver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 1, Size = CitySize.Full });
        Divisions = city.Divisions.Divisions;
        _directory = Path.Combine(Path.GetTempPath(), "boundaries-full-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "city.gpkg");
        DivisionFiles.Write(city.Divisions, path);
        Host = await BoundariesServer.StartAsync(new FileBoundarySource(path), new ServerOptions { Urls = "http://127.0.0.1:0" });
        Driver = Browser.Start();
        Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromMinutes(5);
        Driver.Navigate().GoToUrl(Host.Urls[0] + "/map/");
        // a loaded machine (CI shares it) may need long: this waits for content, speed is measured by scripts/bench-viewer.sh
        Browser.WaitFor(Driver, "window.viewer && window.viewer.opened", 300);
    }

    public async Task DisposeAsync()
    {
        Driver.Quit();
        Driver.Dispose();
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a late watcher event may still hold the folder; it is under /tmp
        }
    }
}
