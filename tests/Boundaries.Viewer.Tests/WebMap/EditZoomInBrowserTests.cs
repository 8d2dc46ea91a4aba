using System.Globalization;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Limits;
using Boundaries.Viewer.Sources;
using OpenQA.Selenium;

namespace Boundaries.Viewer.Tests.WebMap;

/// <summary>
/// Edit mode over a view whose lines hold more vertices than the server's limit (here 2,000; the sample city's
/// township lines hold many more): the page loads no line and asks to zoom in (the server's own words, zh-CN); zoomed
/// in on one township it loads that view's lines and the note counts them.
/// </summary>
public sealed class EditZoomInBrowserTests : IAsyncLifetime
{
    private BoundariesHost _host = null!;
    private OpenQA.Selenium.Chrome.ChromeDriver _driver = null!;

    public async Task InitializeAsync()
    {
        _host = await BoundariesServer.StartAsync(new FileBoundarySource(TestSupport.SampleCity),
            new ServerOptions { Urls = "http://127.0.0.1:0", Limits = new LimitOptions { MaxLineVerticesInView = 2_000 } });
        _driver = Browser.Start();
        _driver.Navigate().GoToUrl(_host.Urls[0] + "/map/");
        Browser.WaitFor(_driver, "window.viewer && window.viewer.checksReady", 60);
    }

    public async Task DisposeAsync()
    {
        _driver.Quit();
        _driver.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public void AViewOverTheLimitAsksToZoomInAndAZoomedInViewLoadsItsLines()
    {
        _driver.FindElement(By.Id("edit-mode")).Click();
        Browser.WaitFor(_driver, "window.viewer.linesRounds >= 1 && window.viewer.linesPending === 0");
        Assert.Equal("urn:boundaries:problem:too-many-vertices", Browser.Js(_driver, "return window.viewer.linesRefused && window.viewer.linesRefused.type;"));
        Assert.Equal(0L, Convert.ToInt64(Browser.Js(_driver, "return window.viewer.linesLayer.getSource().getFeatures().length;"), CultureInfo.InvariantCulture));
        var note = _driver.FindElement(By.Id("edit-lines-note"));
        Assert.Contains("请放大地图", note.Text);
        Assert.Contains("error", note.GetAttribute("class"));

        var township = Geo.Import.DivisionImporter.Import(TestSupport.SampleCity).In(Geo.Crs.CrsCode.Cgcs2000).Divisions.First(d => d.Level == DivisionLevel.Township).Geometry.InteriorPoint;
        Browser.Js(_driver, "const v = window.viewer; v.map.getView().setCenter(ol.proj.fromLonLat([arguments[0], arguments[1]])); v.map.getView().setZoom(15);",
            township.X, township.Y);
        Browser.WaitFor(_driver, "window.viewer.linesRounds >= 2 && window.viewer.linesPending === 0 && !window.viewer.linesRefused", 60);
        var count = Convert.ToInt32(Browser.Js(_driver, "return window.viewer.linesLayer.getSource().getFeatures().length;"), CultureInfo.InvariantCulture);
        Assert.True(count > 0, "the zoomed-in view has lines");
        Assert.Contains(count.ToString(CultureInfo.InvariantCulture), note.Text);
        Assert.DoesNotContain("error", note.GetAttribute("class"));
    }
}
