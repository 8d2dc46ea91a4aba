using System.Globalization;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Tests.WebMap;
using OpenQA.Selenium;

namespace Boundaries.Viewer.Tests.Enclaves;

/// <summary>
/// The enclave workflow in headless chromium: the layer, legend and list show EnclaveFinder's findings; selecting one
/// lists its options with scores; preview draws the changed divisions; apply saves a new version and the finding goes.
/// </summary>
public sealed class EnclaveInBrowserTests : IAsyncLifetime
{
    private EnclaveCity _city = null!;
    private OpenQA.Selenium.Chrome.ChromeDriver _driver = null!;

    public async Task InitializeAsync()
    {
        _city = await EnclaveCity.StartAsync();
        _driver = Browser.OpenMap(_city.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _driver.Quit();
        _driver.Dispose();
        await _city.DisposeAsync();
    }

    [Fact]
    public void LayerLegendAndListShowTheFindersFindingsAndApplyRemovesOne()
    {
        var expected = EnclaveFinder.Find(_city.City.Divisions, EnclaveOptions.Default with { Level = DivisionLevel.Township });
        _driver.FindElement(By.Id("enclave-mode")).Click();
        Browser.WaitFor(_driver, "window.viewer.enclavesReady", 60);
        Assert.Equal(expected.Length, Number("return window.viewer.enclaveLayer.getSource().getFeatures().length;"));
        Assert.Equal(expected.Length, _driver.FindElements(By.CssSelector("#enclave-list li")).Count);
        foreach (var group in expected.GroupBy(f => f.Class.Name()))
        {
            var row = _driver.FindElement(By.CssSelector("#enclave-legend .enclave-class-" + group.Key));
            Assert.Equal(group.Count().ToString(CultureInfo.InvariantCulture), row.GetAttribute("data-count"));
        }

        // The solver's plan for every finding is previewed.
        _driver.FindElement(By.Id("enclave-plan-all")).Click();
        Browser.WaitFor(_driver, "window.viewer.enclavePreview && window.viewer.enclavePreview.choices.length === " + expected.Length, 60);
        Assert.True(Number("return window.viewer.extraLayers.find(x => x.id === 'enclave-after').layer.getSource().getFeatures().length;") > 0);
        Browser.Js(_driver, "window.viewer.enclavePreview = null;");

        // An order-1 enclave with no other finding inside or around it, transferred to its main host.
        var target = expected.Select((f, i) => (f, i)).First(p => p.f.Class == EnclaveClass.Enclave && p.f.Order == 1
            && !expected.Where((q, j) => j != p.i).Any(q => q.Owner == p.f.Owner || q.Hosts.Contains(p.f.Owner)));
        _driver.FindElement(By.CssSelector($"#enclave-list li[data-index='{target.i}']")).Click();
        Browser.WaitFor(_driver, "document.querySelectorAll('#enclave-options .option-row').length > 0");
        var options = _driver.FindElements(By.CssSelector("#enclave-options .option-row"));
        Assert.Contains(options, o => o.GetAttribute("data-kind") == "Keep");
        var transfer = options.First(o => o.GetAttribute("data-kind") == "TransferToHost");
        Assert.Contains(target.f.Hosts[0], transfer.Text);
        transfer.FindElement(By.CssSelector("button.option-preview")).Click();
        Browser.WaitFor(_driver, "window.viewer.enclavePreview && !document.getElementById('enclave-apply-box').hidden");
        var changed = ((IEnumerable<object>)Browser.Js(_driver, "return window.viewer.enclavePreview.after.features.map(f => f.properties.code);")!).Cast<string>().ToList();
        Assert.Contains(target.f.Owner, changed);
        Assert.Contains(target.f.Hosts[0], changed);

        _driver.FindElement(By.Id("enclave-date")).SendKeys("2027-01-01");
        _driver.FindElement(By.Id("enclave-author")).SendKeys("王科长");
        _driver.FindElement(By.Id("enclave-reason")).SendKeys("飞地调整");
        _driver.FindElement(By.Id("enclave-apply")).Click();
        Browser.WaitFor(_driver, "document.getElementById('enclave-result').className.includes('ok') && window.viewer.enclavesReady", 60);
        Assert.Equal(expected.Length - 1, Number("return window.viewer.enclaveLayer.getSource().getFeatures().length;"));

        // The file now holds the new version: the piece is the host's from the effective date.
        var saved = DivisionImporter.Import(_city.Path).In(CrsCode.Cgcs2000).Divisions.Where(d => d.Level == DivisionLevel.Township).ToList();
        var point = CoordinateTransformer.Create(_city.City.Divisions.Crs, CrsCode.Cgcs2000).Transform(
            _city.City.Divisions.Divisions.Single(d => d.Level == DivisionLevel.Township && d.Code == target.f.Owner).Geometry
                .GetGeometryN(target.f.Evidence.PartIndex).InteriorPoint);
        Assert.True(saved.Single(d => d.Code == target.f.Hosts[0] && d.ValidTo is null).Geometry.Covers(point));
        Assert.Equal(new DateOnly(2027, 1, 1), saved.Single(d => d.Code == target.f.Owner && d.ValidTo is not null).ValidTo);
    }

    private int Number(string script) => Convert.ToInt32(Browser.Js(_driver, script), CultureInfo.InvariantCulture);
}
