using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Boundaries.Viewer.Tests.WebMap;

/// <summary>
/// One headless chromium with a fixed viewport (<see cref="Width"/>×<see cref="Height"/> CSS pixels, device scale 1)
/// and three servers: the sample city, the dirty sample city (findings, enclaves) and the sample city with a generated
/// field survey (seed 5). Pages are opened with animations, transitions and the text caret off.
/// </summary>
public sealed class ScreenshotFixture : IAsyncLifetime
{
    public const int Width = 1280, Height = 860;

    public ChromeDriver Driver { get; private set; } = null!;

    public WebServer Sample { get; private set; } = null!;

    public WebServer Dirty { get; private set; } = null!;

    public WebServer Surveyed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sample = await WebServer.StartAsync(TestSupport.SampleCity);
        Dirty = await WebServer.StartAsync(WebServer.DirtySampleCity);
        Surveyed = await WebServer.StartAsync(TestSupport.SampleCity, survey: true);
        Driver = Browser.Start();
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = Width, ["height"] = Height, ["deviceScaleFactor"] = 1, ["mobile"] = false,
        });
    }

    /// <summary>Opens the map of <paramref name="server"/> in Chinese and waits until it is drawn and its checks are loaded.</summary>
    public void Open(WebServer server)
    {
        Driver.Navigate().GoToUrl(server.BaseUrl + "/map/");
        Browser.Js(Driver, "localStorage.setItem('boundaries.lang', 'zh-CN');");
        Driver.Navigate().Refresh();
        Browser.WaitFor(Driver, "window.viewer && window.viewer.ready && window.viewer.checksReady && window.boundariesAccess.ready", 120);
        Browser.Js(Driver, "const s = document.createElement('style'); s.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }';" +
            "document.head.append(s); document.activeElement && document.activeElement.blur();");
    }

    /// <summary>Waits for the map's next complete render (every layer drawn, labels placed), then captures the viewport as PNG.</summary>
    public byte[] Capture()
    {
        Browser.Js(Driver, "if (document.activeElement) document.activeElement.blur(); window.__rendered = false;" +
            "window.viewer.map.once('rendercomplete', () => requestAnimationFrame(() => requestAnimationFrame(() => { window.__rendered = true; })));" +
            "window.viewer.map.render();");
        Browser.WaitFor(Driver, "window.__rendered", 60);
        return ((ITakesScreenshot)Driver).GetScreenshot().AsByteArray;
    }

    public async Task DisposeAsync()
    {
        Driver?.Quit();
        Driver?.Dispose();
        foreach (var server in new[] { Sample, Dirty, Surveyed })
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }
}
