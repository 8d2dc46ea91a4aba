using OpenQA.Selenium.Chrome;

namespace Boundaries.Viewer.Tests.WebMap;

/// <summary>One server over the two-version city and one headless chromium for a test class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public CityServer Server { get; private set; } = null!;

    public ChromeDriver Driver { get; private set; } = null!;

    /// <summary>Milliseconds from navigation to every layer loaded (recorded for the speed note).</summary>
    public long LoadMilliseconds { get; private set; }

    public async Task InitializeAsync()
    {
        Server = await CityServer.StartAsync(twoVersions: true);
        Driver = Browser.Start();
        OpenMap();
    }

    /// <summary>Opens <c>/</c> as a browser does (it is sent to the map) and waits until every layer is loaded.</summary>
    public void OpenMap()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Driver.Navigate().GoToUrl(Server.BaseUrl + "/");
        Browser.WaitFor(Driver, "window.viewer && window.viewer.ready");
        LoadMilliseconds = watch.ElapsedMilliseconds;
    }

    public async Task DisposeAsync()
    {
        Driver.Quit();
        Driver.Dispose();
        await Server.DisposeAsync();
    }
}
