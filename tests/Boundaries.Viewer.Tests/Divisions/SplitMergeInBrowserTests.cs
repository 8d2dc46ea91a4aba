using System.Globalization;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Tests.WebMap;
using OpenQA.Selenium;

namespace Boundaries.Viewer.Tests.Divisions;

/// <summary>
/// In headless chromium: select a township by searching its code, give the split line (as the snapped drawing
/// would), split it; the new township appears on the map and in the file; merging it back gives the old shape.
/// </summary>
public sealed class SplitMergeInBrowserTests : IAsyncLifetime
{
    private CityServer _server = null!;
    private OpenQA.Selenium.Chrome.ChromeDriver _driver = null!;

    public async Task InitializeAsync()
    {
        _server = await CityServer.StartAsync(twoVersions: false);
        _driver = Browser.OpenMap(_server.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _driver.Quit();
        _driver.Dispose();
        await _server.DisposeAsync();
    }

    private void Select(string code)
    {
        var box = _driver.FindElement(By.Id("search"));
        box.Clear();
        box.SendKeys(code);
        _driver.FindElement(By.Id("search-go")).Click();
        Browser.WaitFor(_driver, $"window.viewer.selected && window.viewer.selected.get('code') === '{code}'");
    }

    [Fact]
    public void SplitThenMergeBackRoundTrips()
    {
        var townships = _server.Divisions.Where(d => d.Level == DivisionLevel.Township).ToList();
        var (division, line) = SplitMergeApiTests.Chord(townships);
        var newCode = SplitMergeApiTests.NewCode(division, _server.Divisions);
        Select(division.Code);
        Browser.Js(_driver, "window.viewer.setSplitLine(arguments[0]);", line.Select(c => c.Cast<object>().ToList()).ToList());
        _driver.FindElement(By.Id("split-code")).SendKeys(newCode);
        _driver.FindElement(By.Id("split-name")).SendKeys("新设街道");
        _driver.FindElement(By.Id("surgery-author")).SendKeys("张科员");
        _driver.FindElement(By.Id("surgery-reason")).SendKeys("区划调整");
        _driver.FindElement(By.Id("split-save")).Click();
        Browser.WaitFor(_driver, "window.viewer.surgeryDone === 1 || (window.viewer.lastSurgery && !window.viewer.lastSurgery.ok)", 60);
        Assert.Contains("ok", _driver.FindElement(By.Id("surgery-result")).GetAttribute("class"));
        Assert.True(Browser.Js(_driver, "return window.viewer.layers.township.getSource().getFeatures().some(f => f.get('code') === arguments[0]);", newCode) is true);
        var split = DivisionImporter.Import(_server.Path).In(CrsCode.Cgcs2000).Divisions;
        Assert.Equal(townships.Count + 1, split.Count(d => d.Level == DivisionLevel.Township));

        Select(division.Code);
        _driver.FindElement(By.Id("merge-other")).SendKeys(newCode);
        _driver.FindElement(By.Id("merge-save")).Click();
        Browser.WaitFor(_driver, "window.viewer.surgeryDone === 2 || (window.viewer.lastSurgery && !window.viewer.lastSurgery.ok)", 60);
        Assert.Contains("ok", _driver.FindElement(By.Id("surgery-result")).GetAttribute("class"));
        var merged = DivisionImporter.Import(_server.Path).In(CrsCode.Cgcs2000).Divisions;
        Assert.DoesNotContain(merged, d => d.Code == newCode);
        var back = merged.Single(d => d.Level == DivisionLevel.Township && d.Code == division.Code).Geometry;
        Assert.True(back.SymmetricDifference(division.Geometry).Area < 1e-12, "merging the piece back does not give the old shape");
        Assert.Equal(2, File.ReadAllLines(_server.Path + ".changes.jsonl").Length);
        Assert.Equal(0, Convert.ToInt32(Browser.Js(_driver, "return window.viewer.layers.township.getSource().getFeatures().filter(f => f.get('code') === arguments[0]).length;", newCode), CultureInfo.InvariantCulture));
    }
}
