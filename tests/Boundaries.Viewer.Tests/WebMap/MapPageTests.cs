using System.Globalization;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;

namespace Boundaries.Viewer.Tests.WebMap;

/// <summary>The web map in a real headless chromium against a real server: layers, click, search, lookup, date, language.</summary>
[Collection("browser")]
public sealed class MapPageTests(BrowserFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private CityServer Server => fixture.Server;

    private OpenQA.Selenium.Chrome.ChromeDriver Driver => fixture.Driver;

    [Fact]
    public async Task LoadsEveryLevelWithTheCountsOfTheApiAndTheFile()
    {
        Assert.EndsWith("/map/", Driver.Url, StringComparison.Ordinal);
        var counts = (IReadOnlyDictionary<string, object>)Browser.Js(Driver, "return window.viewer.counts;")!;
        var levels = Server.Divisions.GroupBy(d => d.Level).ToDictionary(g => g.Key.Name(), g => g.Count());
        Assert.Equal(levels.Keys.Order(), counts.Keys.Order());
        foreach (var (level, expected) in levels)
        {
            using var doc = JsonDocument.Parse(await Server.Client.GetStringAsync($"/collections/{level}/items?limit=1"));
            Assert.Equal(expected, doc.RootElement.GetProperty("numberMatched").GetInt32());
            Assert.Equal(expected, Convert.ToInt32(counts[level], CultureInfo.InvariantCulture));
        }
        output.WriteLine($"the map page loaded every level in {fixture.LoadMilliseconds} ms (headless chromium, navigation to viewer.ready)");
    }

    [Fact]
    public void ClickingATownshipShowsItsCodeAndName()
    {
        foreach (var township in Server.Divisions.Where(d => d.Level == DivisionLevel.Township && d.ValidTo is null).Skip(3).Take(2))
        {
            var p = township.Geometry.InteriorPoint;
            Browser.Js(Driver, "window.viewer.map.getView().fit(ol.proj.transformExtent([arguments[0], arguments[1], arguments[2], arguments[3]], 'EPSG:4326', 'EPSG:3857')); window.viewer.map.renderSync();",
                township.Geometry.EnvelopeInternal.MinX, township.Geometry.EnvelopeInternal.MinY, township.Geometry.EnvelopeInternal.MaxX, township.Geometry.EnvelopeInternal.MaxY);
            var pixel = (IReadOnlyList<object>)Browser.Js(Driver,
                "const px = window.viewer.map.getPixelFromCoordinate(ol.proj.fromLonLat([arguments[0], arguments[1]]));" +
                "const r = document.getElementById('map').getBoundingClientRect(); return [px[0] + r.left, px[1] + r.top];", p.X, p.Y)!;
            new Actions(Driver).MoveToLocation(Convert.ToInt32(pixel[0], CultureInfo.InvariantCulture), Convert.ToInt32(pixel[1], CultureInfo.InvariantCulture)).Click().Perform();
            Browser.WaitFor(Driver, $"document.querySelector('#details .v-code') && document.querySelector('#details .v-code').textContent === '{township.Code}'", 10);
            Assert.Equal(township.Name, Driver.FindElement(By.CssSelector("#details .v-name")).Text);
        }
    }

    [Fact]
    public void SearchFindsHepingByNameAndByCode()
    {
        var heping = Server.Divisions.Single(d => d.Name == "和平区");
        Search("和平区");
        Assert.Equal(heping.Code, Driver.FindElement(By.CssSelector("#details .v-code")).Text);
        Search("120101003");
        var township = Server.Divisions.Single(d => d.Code == "120101003");
        Assert.Equal(township.Name, Driver.FindElement(By.CssSelector("#details .v-name")).Text);
        Search(heping.Code);
        Assert.Equal("和平区", Driver.FindElement(By.CssSelector("#details .v-name")).Text);
    }

    [Theory]
    [InlineData("EPSG:4490")]
    [InlineData("EPSG:4548")]
    public async Task CoordinateBoxAnswersTheChainOfTheLocateApi(string crs)
    {
        var township = Server.Divisions.Where(d => d.Level == DivisionLevel.Township && d.ValidTo is null).ElementAt(7);
        var p = township.Geometry.InteriorPoint;
        var (x, y) = crs == "EPSG:4490" ? (p.X, p.Y) : CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.Parse(crs)).Transform(p.X, p.Y);
        var xs = x.ToString("R", CultureInfo.InvariantCulture);
        var ys = y.ToString("R", CultureInfo.InvariantCulture);
        Type("locate-x", xs);
        Type("locate-y", ys);
        Choose("locate-crs", crs);
        Browser.Js(Driver, "document.getElementById('locate-chain').innerHTML = '';");
        Driver.FindElement(By.Id("locate-go")).Click();
        Browser.WaitFor(Driver, "document.querySelectorAll('#locate-chain li').length > 0", 10);
        var shown = Driver.FindElements(By.CssSelector("#locate-chain li")).Select(li => li.GetAttribute("data-code")).ToList();
        using var api = JsonDocument.Parse(await Server.Client.GetStringAsync($"/api/v1/locate?lon={xs}&lat={ys}&crs={crs}"));
        var expected = api.RootElement.GetProperty("levels").EnumerateArray()
            .Where(l => l.TryGetProperty("code", out _)).Select(l => l.GetProperty("code").GetString()).ToList();
        Assert.Equal(expected, shown);
        Assert.Equal(township.Code, shown[^1]);
    }

    [Fact]
    public void DateSliderShowsTheCoverageOfThatDate()
    {
        var renamed = Server.Renamed!;
        var dates = ((IReadOnlyList<object>)Browser.Js(Driver, "return window.viewer.dates;")!).Cast<string>().ToList();
        var before = dates.FindLastIndex(d => string.CompareOrdinal(d, "2024-01-01") < 0);
        Assert.True(before >= 0, "no date before the renaming on the slider: " + string.Join(',', dates));
        try
        {
            SetSlider(before);
            var names = Names();
            Assert.Contains(renamed.Name, names);
            Assert.DoesNotContain("新" + renamed.Name, names);
            Assert.Equal(dates[before], Driver.FindElement(By.Id("date-label")).Text);
            SetSlider(dates.Count);
            names = Names();
            Assert.Contains("新" + renamed.Name, names);
            Assert.DoesNotContain(renamed.Name, names);
        }
        finally
        {
            SetSlider(dates.Count);
        }
    }

    [Fact]
    public void LanguageSwitchChangesTheText()
    {
        try
        {
            Choose("lang", "en");
            Assert.Equal("Administrative divisions", Driver.FindElement(By.CssSelector("header h1")).Text);
            Assert.Equal("Layers", Driver.FindElement(By.CssSelector("#side h2")).Text);
            Assert.Equal("name or code", Driver.FindElement(By.Id("search")).GetAttribute("placeholder"));
            Choose("lang", "zh-CN");
            Assert.Equal("行政区划", Driver.FindElement(By.CssSelector("header h1")).Text);
            Assert.Equal("图层", Driver.FindElement(By.CssSelector("#side h2")).Text);
        }
        finally
        {
            Choose("lang", "zh-CN");
        }
    }

    [Fact]
    public void ScreenshotShowsTheFilledMapWithLabelsAndScaleBar()
    {
        Search("和平区");
        Browser.Js(Driver, "window.viewer.map.getView().fit(window.viewer.layers.district.getSource().getExtent(), { padding: [20, 20, 20, 20] }); window.viewer.map.renderSync();");
        Thread.Sleep(500);
        Assert.True(Driver.FindElement(By.CssSelector(".ol-scale-bar, .ol-scale-line")).Displayed);
        var shot = Driver.GetScreenshot();
        // Every run leaves its screenshot under /tmp for a look (the README's views are docs/screenshots/<view>.png,
        // written by WebMap.ScreenshotTests).
        shot.SaveAsFile(Path.Combine(Path.GetTempPath(), "boundaries-viewer-map.png"));
        using var bitmap = SkiaSharp.SKBitmap.Decode(shot.AsByteArray);
        var box = ((IReadOnlyList<object>)Browser.Js(Driver,
            "const m = window.viewer.map; const e = window.viewer.layers.district.getSource().getExtent(); const r = document.getElementById('map').getBoundingClientRect();" +
            "const a = m.getPixelFromCoordinate([e[0], e[3]]); const b = m.getPixelFromCoordinate([e[2], e[1]]); return [a[0] + r.left, a[1] + r.top, b[0] + r.left, b[1] + r.top];")!)
            .Select(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)).ToArray();
        var mapRect = System.Drawing.Rectangle.FromLTRB(box[0], box[1], box[2], box[3]);
        // Most of the map area is painted with the fill palette, not the empty background.
        var painted = 0;
        var total = 0;
        for (var x = mapRect.Left + 10; x < mapRect.Right - 10; x += 17)
        {
            for (var y = mapRect.Top + 10; y < mapRect.Bottom - 10; y += 17)
            {
                total++;
                if (Rendering.MapImageTests.IsPalette(bitmap.GetPixel(x, y)))
                {
                    painted++;
                }
            }
        }
        // The city is not a rectangle (and labels and lines cover some fill): at least 40 % of its bounding box is fill.
        Assert.True(painted > total * 0.4, $"only {painted} of {total} sampled pixels of the city's box carry a division fill");
    }

    private List<string> Names() => ((IReadOnlyList<object>)Browser.Js(Driver, "return window.viewer.visibleNames('township');")!).Cast<string>().ToList();

    private void SetSlider(int index) =>
        Browser.Js(Driver, "const s = document.getElementById('date-slider'); s.value = String(arguments[0]); s.dispatchEvent(new Event('input'));", index);

    private void Search(string text)
    {
        Type("search", text);
        Driver.FindElement(By.Id("search-go")).Click();
        Browser.WaitFor(Driver, "document.getElementById('search-result').textContent.length > 0", 5);
    }

    private void Choose(string id, string value) => Driver.FindElement(By.CssSelector($"#{id} option[value='{value}']")).Click();

    private void Type(string id, string text)
    {
        var input = Driver.FindElement(By.Id(id));
        input.Clear();
        input.SendKeys(text);
    }
}
