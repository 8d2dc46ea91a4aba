using System.Globalization;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using OpenQA.Selenium;

namespace Boundaries.Viewer.Tests.WebMap;

/// <summary>
/// Each main view of the web map in headless chromium (fixed viewport, extent, language, no animations), captured
/// and compared with its stored reference in <c>tests/Boundaries.Viewer.Tests/Screenshots</c> by
/// <see cref="ScreenshotComparer"/> (similar when ≥ 98 % of pixels match). With <c>BOUNDARIES_UPDATE_SCREENSHOTS=1</c>
/// the captures replace the references and <c>docs/screenshots</c>. A broken view must not pass: the map compared with
/// the enclave view's reference, and the map with its divisions layer hidden, are both found different.
/// </summary>
public sealed class ScreenshotTests(ScreenshotFixture fixture) : IClassFixture<ScreenshotFixture>
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("BOUNDARIES_UPDATE_SCREENSHOTS") == "1";

    private IWebDriver Driver => fixture.Driver;

    [Fact]
    public void MapView() => Check("map", MapPage());

    [Fact]
    public void EditingView()
    {
        fixture.Open(fixture.Sample);
        Driver.FindElement(By.Id("edit-mode")).Click();
        Browser.WaitFor(Driver, "window.viewer.linesLayer && window.viewer.linesLayer.getSource().getFeatures().length > 0");
        // the longest line between two divisions, selected; the view fitted to it
        Browser.Js(Driver, "const f = window.viewer.linesLayer.getSource().getFeatures().filter(x => x.get('left') && x.get('right'))" +
            ".sort((a, b) => b.get('length_m') - a.get('length_m') || a.get('id') - b.get('id'))[0];" +
            "window.viewer.selectLine(f.get('id')); window.viewer.map.getView().fit(f.getGeometry().getExtent(), { padding: [80, 80, 80, 80], duration: 0 });" +
            "document.getElementById('edit-line').scrollIntoView({ block: 'center' });");
        Check("editing", fixture.Capture());
    }

    [Fact]
    public void EnclaveView() => Check("enclaves", EnclavePage());

    [Fact]
    public void SurveyView()
    {
        fixture.Open(fixture.Surveyed);
        Browser.WaitFor(Driver, "window.viewer.surveyReady && document.querySelectorAll('#survey-walk li').length > 0", 120);
        Browser.Js(Driver, "document.querySelector('#survey-dashboard').closest('section').scrollIntoView({ block: 'start' });");
        Check("survey", fixture.Capture());
    }

    [Fact]
    public void FindingsView()
    {
        fixture.Open(fixture.Dirty);
        Assert.True(Convert.ToInt32(Browser.Js(Driver, "return window.viewer.findingsLayer.getSource().getFeatures().length;"), CultureInfo.InvariantCulture) > 0,
            "the dirty sample city has findings");
        Browser.Js(Driver, "document.getElementById('layer-findings').scrollIntoView({ block: 'center' });");
        Check("findings", fixture.Capture());
    }

    [Fact]
    public void LookupView()
    {
        // a point inside the township with the smallest code (lon/lat, CGCS2000)
        var township = DivisionImporter.Import(TestSupport.SampleCity).In(CrsCode.Cgcs2000).Divisions
            .Where(d => d.Level == DivisionLevel.Township && d.ValidTo is null).OrderBy(d => d.Code, StringComparer.Ordinal).First();
        var point = township.Geometry.InteriorPoint;
        fixture.Open(fixture.Sample);
        Driver.FindElement(By.Id("locate-x")).SendKeys(point.X.ToString("0.000000", CultureInfo.InvariantCulture));
        Driver.FindElement(By.Id("locate-y")).SendKeys(point.Y.ToString("0.000000", CultureInfo.InvariantCulture));
        Driver.FindElement(By.Id("locate-go")).Click();
        Browser.WaitFor(Driver, "document.querySelectorAll('#locate-chain li').length > 0");
        Assert.Equal(township.Code, Driver.FindElement(By.CssSelector("#locate-chain li.chain-township")).GetAttribute("data-code"));
        Browser.Js(Driver, "document.getElementById('locate-chain').scrollIntoView({ block: 'center' });");
        Check("lookup", fixture.Capture());
    }

    [Fact]
    public void TheMapIsNotLikeTheEnclaveView()
    {
        var reference = Reference("enclaves");
        var similarity = ScreenshotComparer.Similarity(MapPage(), reference);
        Assert.True(similarity < ScreenshotComparer.Threshold, $"the map view is {similarity:P2} like the enclave view's reference");
    }

    [Fact]
    public void AMapWithoutItsDivisionsIsNotLikeTheMap()
    {
        var reference = Reference("map");
        fixture.Open(fixture.Sample);
        Browser.Js(Driver, "window.viewer.layers[window.viewer.levels[window.viewer.levels.length - 1]].setVisible(false);");
        var capture = fixture.Capture();
        var similarity = ScreenshotComparer.Similarity(capture, reference);
        Assert.True(similarity < ScreenshotComparer.Threshold, $"the map without its lowest level is {similarity:P2} like the map's reference");
    }

    private byte[] MapPage()
    {
        fixture.Open(fixture.Sample);
        return fixture.Capture();
    }

    private byte[] EnclavePage()
    {
        fixture.Open(fixture.Dirty);
        Driver.FindElement(By.Id("enclave-mode")).Click();
        Browser.WaitFor(Driver, "window.viewer.enclavesReady", 60);
        // the first finding of class enclave; its transfer to the host previewed
        var index = Convert.ToInt32(Browser.Js(Driver, "return window.viewer.enclaveLayer.getSource().getFeatures().filter(f => f.get('class') === 'enclave')" +
            ".map(f => f.get('index')).sort((a, b) => a - b)[0];"), CultureInfo.InvariantCulture);
        Driver.FindElement(By.CssSelector($"#enclave-list li[data-index='{index}']")).Click();
        Browser.WaitFor(Driver, "document.querySelectorAll('#enclave-options .option-row').length > 0");
        Driver.FindElement(By.CssSelector("#enclave-options .option-row[data-kind='TransferToHost'] button.option-preview")).Click();
        Browser.WaitFor(Driver, "window.viewer.enclavePreview && window.viewer.extraLayers.some(x => x.id === 'enclave-after')", 60);
        Browser.Js(Driver, "document.getElementById('enclave-options').scrollIntoView({ block: 'center' });");
        return fixture.Capture();
    }

    private static string ReferencePath(string view) => Path.Combine(TestSupport.Root, "tests", "Boundaries.Viewer.Tests", "Screenshots", view + ".png");

    private static byte[] Reference(string view)
    {
        var path = ReferencePath(view);
        Assert.True(File.Exists(path), $"no reference {path}: run the screenshot tests once with BOUNDARIES_UPDATE_SCREENSHOTS=1");
        return File.ReadAllBytes(path);
    }

    private static void Check(string view, byte[] capture)
    {
        if (Update)
        {
            File.WriteAllBytes(ReferencePath(view), capture);
            var docs = Path.Combine(TestSupport.Root, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            File.WriteAllBytes(Path.Combine(docs, view + ".png"), capture);
        }
        var reference = Reference(view);
        var similarity = ScreenshotComparer.Similarity(capture, reference);
        if (similarity >= ScreenshotComparer.Threshold)
        {
            return;
        }
        var output = Path.Combine(Path.GetTempPath(), "boundaries-screenshots");
        Directory.CreateDirectory(output);
        File.WriteAllBytes(Path.Combine(output, view + ".actual.png"), capture);
        File.WriteAllBytes(Path.Combine(output, view + ".diff.png"), ScreenshotComparer.DifferencePng(capture, reference));
        Assert.Fail($"the {view} view is {similarity:P2} like its reference (needs {ScreenshotComparer.Threshold:P0}); capture and difference in {output}");
    }
}
