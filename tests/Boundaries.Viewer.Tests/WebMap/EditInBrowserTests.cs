using System.Globalization;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using OpenQA.Selenium;

namespace Boundaries.Viewer.Tests.WebMap;

/// <summary>
/// Editing in the browser: select a shared line, move a vertex, press Save; the server saves and both neighbours
/// change (read back from the file). An edit into a third division is refused and its findings are drawn.
/// </summary>
public sealed class EditInBrowserTests : IAsyncLifetime
{
    private CityServer _server = null!;
    private OpenQA.Selenium.Chrome.ChromeDriver _driver = null!;

    public async Task InitializeAsync()
    {
        _server = await CityServer.StartAsync(twoVersions: false);
        _driver = Browser.Start();
        _driver.Navigate().GoToUrl(_server.BaseUrl + "/map/");
        Browser.WaitFor(_driver, "window.viewer && window.viewer.checksReady", 60);
    }

    public async Task DisposeAsync()
    {
        _driver.Quit();
        _driver.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task LoadsTriJunctionsAndFindingsAsTheApiServesThem()
    {
        using var findings = JsonDocument.Parse(await _server.Client.GetStringAsync("/api/v1/findings"));
        using var tri = JsonDocument.Parse(await _server.Client.GetStringAsync("/api/v1/trijunctions?level=township"));
        Assert.Equal(findings.RootElement.GetProperty("findings").GetArrayLength(), Convert.ToInt32(Browser.Js(_driver, "return window.viewer.findingCount;"), CultureInfo.InvariantCulture));
        var triCount = tri.RootElement.GetProperty("features").GetArrayLength();
        Assert.True(triCount > 0, "the sample city has tri-junctions");
        Assert.Equal(triCount, Convert.ToInt32(Browser.Js(_driver, "return window.viewer.triCount;"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task SavingAMovedVertexChangesBothNeighbours()
    {
        _driver.FindElement(By.Id("edit-mode")).Click();
        Browser.WaitFor(_driver, "window.viewer.linesLayer && window.viewer.linesLayer.getSource().getFeatures().length > 0");
        var (id, left, right) = InteriorLine();
        Assert.True(Browser.Js(_driver, "return window.viewer.selectLine(arguments[0]);", id) is true);
        // Move the middle vertex about 3 m, as dragging it with the Modify interaction would.
        var target = (IReadOnlyList<object>)Browser.Js(_driver,
            "const g = window.viewer.selectedLine.getGeometry(); const c = g.getCoordinates(); const k = Math.floor(c.length / 2);" +
            "c[k] = [c[k][0] + 3, c[k][1] + 3]; g.setCoordinates(c); return ol.proj.toLonLat(c[k]);")!;
        _driver.FindElement(By.Id("edit-author")).SendKeys("李工");
        _driver.FindElement(By.Id("edit-reason")).SendKeys("现场核实");
        _driver.FindElement(By.Id("edit-save")).Click();
        Browser.WaitFor(_driver, "document.getElementById('edit-result').className.includes('ok')", 60);

        var lon = Convert.ToDouble(target[0], CultureInfo.InvariantCulture);
        var lat = Convert.ToDouble(target[1], CultureInfo.InvariantCulture);
        var saved = DivisionImporter.Import(_server.Path).In(CrsCode.Cgcs2000).Divisions.Where(d => d.Level == DivisionLevel.Township).ToList();
        foreach (var code in new[] { left, right })
        {
            var geometry = saved.Single(d => d.Code == code).Geometry;
            Assert.Contains(geometry.Coordinates, c => Math.Abs(c.X - lon) < 1e-7 && Math.Abs(c.Y - lat) < 1e-7);
        }
    }

    [Fact]
    public void AnEditIntoAThirdDivisionShowsTheBlockingFindings()
    {
        _driver.FindElement(By.Id("edit-mode")).Click();
        Browser.WaitFor(_driver, "window.viewer.linesLayer && window.viewer.linesLayer.getSource().getFeatures().length > 0");
        var (id, left, right) = InteriorLine();
        var third = _server.Divisions.Where(d => d.Level == DivisionLevel.Township && d.Code != left && d.Code != right)
            .OrderBy(d => d.Geometry.Distance(_server.Divisions.Single(x => x.Code == left && x.Level == DivisionLevel.Township).Geometry)).First();
        var into = third.Geometry.InteriorPoint;
        Browser.Js(_driver, "window.viewer.selectLine(arguments[0]); const g = window.viewer.selectedLine.getGeometry(); const c = g.getCoordinates();" +
            "c[Math.floor(c.length / 2)] = ol.proj.fromLonLat([arguments[1], arguments[2]]); g.setCoordinates(c);", id, into.X, into.Y);
        _driver.FindElement(By.Id("edit-author")).SendKeys("李工");
        _driver.FindElement(By.Id("edit-reason")).SendKeys("越界测试");
        var before = File.ReadAllBytes(_server.Path);
        _driver.FindElement(By.Id("edit-save")).Click();
        Browser.WaitFor(_driver, "document.getElementById('edit-result').className.includes('error')", 60);
        Assert.Equal(422, Convert.ToInt32(Browser.Js(_driver, "return window.viewer.lastEdit.status;"), CultureInfo.InvariantCulture));
        Assert.True(Convert.ToInt32(Browser.Js(_driver, "return window.viewer.findingsLayer.getSource().getFeatures().length;"), CultureInfo.InvariantCulture) > 0);
        Assert.Contains("编辑被拒绝", _driver.FindElement(By.Id("edit-result")).Text);
        Assert.Equal(before, File.ReadAllBytes(_server.Path));
    }

    [Fact]
    public async Task EditModeLoadsOnlyTheLinesInViewAndKeepsTheSelectedLineAcrossMoves()
    {
        _driver.FindElement(By.Id("edit-mode")).Click();
        Browser.WaitFor(_driver, "window.viewer.linesLayer && window.viewer.linesRounds >= 1 && window.viewer.linesPending === 0");
        using var whole = JsonDocument.Parse(await _server.Client.GetStringAsync("/api/v1/lines?level=township"));
        var total = whole.RootElement.GetProperty("features").GetArrayLength();

        // zoom in on the middle of an interior line: the layer is asked again for the new view only
        var (id, _, _) = InteriorLine();
        Assert.True(Browser.Js(_driver, "return window.viewer.selectLine(arguments[0]);", id) is true);
        var moved = (IReadOnlyList<object>)Browser.Js(_driver,
            "const g = window.viewer.selectedLine.getGeometry(); const c = g.getCoordinates(); const k = Math.floor(c.length / 2);" +
            "c[k] = [c[k][0] + 2, c[k][1] - 2]; g.setCoordinates(c); const rounds = window.viewer.linesRounds;" +
            "window.viewer.map.getView().setCenter(c[k]); window.viewer.map.getView().setZoom(15); window.viewer.map.renderSync(); return [rounds].concat(ol.proj.toLonLat(c[k]));")!;
        var rounds = Convert.ToInt32(moved[0], CultureInfo.InvariantCulture);
        Browser.WaitFor(_driver, $"window.viewer.linesRounds > {rounds} && window.viewer.linesPending === 0", 60);
        var state = (IReadOnlyDictionary<string, object>)Browser.Js(_driver,
            "const v = window.viewer; const view = ol.proj.transformExtent(v.map.getView().calculateExtent(v.map.getSize()), 'EPSG:3857', 'EPSG:4326');" +
            "return { bbox: v.linesBbox, view, ids: v.linesLayer.getSource().getFeatures().map(f => f.get('id')), selected: v.selectedLine.get('id') };")!;
        var bbox = ((IReadOnlyList<object>)state["bbox"]).Select(x => Convert.ToDouble(x, CultureInfo.InvariantCulture)).ToArray();
        var view = ((IReadOnlyList<object>)state["view"]).Select(x => Convert.ToDouble(x, CultureInfo.InvariantCulture)).ToArray();
        Assert.True(bbox[0] <= view[0] && bbox[1] <= view[1] && bbox[2] >= view[2] && bbox[3] >= view[3], "the lines asked for cover the view");
        var pageIds = ((IReadOnlyList<object>)state["ids"]).Select(x => Convert.ToInt32(x, CultureInfo.InvariantCulture)).Order().ToList();
        using var inView = JsonDocument.Parse(await _server.Client.GetStringAsync("/api/v1/lines?level=township&bbox="
            + string.Join(',', bbox.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
        var apiIds = inView.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt32()).Append(id).Distinct().Order().ToList();
        Assert.Equal(apiIds, pageIds);
        Assert.True(pageIds.Count < total, $"only the lines in view: {pageIds.Count} of {total}");

        // the selected line kept its moved vertex through the reload
        Assert.Equal(id, Convert.ToInt32(state["selected"], CultureInfo.InvariantCulture));
        var kept = (IReadOnlyList<object>)Browser.Js(_driver,
            "const c = window.viewer.selectedLine.getGeometry().getCoordinates(); return ol.proj.toLonLat(c[Math.floor(c.length / 2)]);")!;
        Assert.Equal(Convert.ToDouble(moved[1], CultureInfo.InvariantCulture), Convert.ToDouble(kept[0], CultureInfo.InvariantCulture), 9);
        Assert.Equal(Convert.ToDouble(moved[2], CultureInfo.InvariantCulture), Convert.ToDouble(kept[1], CultureInfo.InvariantCulture), 9);
    }

    /// <summary>The longest township line between two townships of the same district (from the page's own line layer).</summary>
    private (int Id, string Left, string Right) InteriorLine()
    {
        var parents = _server.Divisions.Where(d => d.Level == DivisionLevel.Township).ToDictionary(d => d.Code, d => d.ParentCode);
        var lines = (IReadOnlyList<object>)Browser.Js(_driver,
            "return window.viewer.linesLayer.getSource().getFeatures().filter(f => f.get('left') && f.get('right') && f.getGeometry().getCoordinates().length >= 4)" +
            ".sort((a, b) => b.get('length_m') - a.get('length_m')).map(f => [f.get('id'), f.get('left'), f.get('right')]);")!;
        return lines.Cast<IReadOnlyList<object>>()
            .Select(l => (Convert.ToInt32(l[0], CultureInfo.InvariantCulture), (string)l[1], (string)l[2]))
            .First(l => parents[l.Item2] == parents[l.Item3]);
    }
}
