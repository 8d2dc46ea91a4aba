using System.Globalization;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Survey.Compare;
using Boundaries.Viewer.Tests.WebMap;
using OpenQA.Selenium;

namespace Boundaries.Viewer.Tests.Survey;

/// <summary>
/// The survey dashboard in headless chromium over a generated city and survey: the city share shown is
/// SurveyComparer's, lines are coloured by status, the lines to walk are listed and zoom the map, an uploaded walk is imported.
/// </summary>
public sealed class SurveyInBrowserTests : IAsyncLifetime
{
    private SurveyCity _city = null!;
    private OpenQA.Selenium.Chrome.ChromeDriver _driver = null!;

    public async Task InitializeAsync()
    {
        _city = await SurveyCity.StartAsync();
        _driver = Browser.Start();
        _driver.Navigate().GoToUrl(_city.BaseUrl + "/map/");
        Browser.WaitFor(_driver, "window.viewer && window.viewer.surveyReady", 120);
    }

    public async Task DisposeAsync()
    {
        _driver.Quit();
        _driver.Dispose();
        await _city.DisposeAsync();
    }

    [Fact]
    public void DashboardLinesAndUploadShowTheComparison()
    {
        var expected = SurveyComparer.Compare(DivisionImporter.Import(_city.Path).In(CrsCode.Cgcs2000), SurveyObservationReader.Read([_city.SurveyDirectory]));
        var cityRow = _driver.FindElement(By.CssSelector("#survey-dashboard tr.survey-total[data-code='city']"));
        Assert.Equal(expected.City.Share, double.Parse(cityRow.GetAttribute("data-share")!, CultureInfo.InvariantCulture), 1e-9);
        Assert.Contains((expected.City.Share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%", cityRow.Text);
        Assert.Equal(expected.Districts.Length, _driver.FindElements(By.CssSelector("#survey-dashboard tr.survey-total")).Count - 1);

        // Line colours: one feature per compared line; out of tolerance exactly on the lines of the truth's bad markers.
        var statuses = ((IReadOnlyDictionary<string, object>)Browser.Js(_driver,
            "const c = {}; window.viewer.surveyLinesLayer.getSource().getFeatures().forEach(f => { const s = f.get('survey_status'); c[s] = (c[s] || 0) + 1; }); return c;")!)
            .ToDictionary(k => k.Key, k => Convert.ToInt32(k.Value, CultureInfo.InvariantCulture));
        Assert.Equal(expected.Lines.Length, statuses.Values.Sum());
        Assert.Equal(_city.Truth.Markers.Where(m => m.OutOfTolerance).Select(m => m.LineId).Distinct().Count(), statuses.GetValueOrDefault("out-of-tolerance"));
        Assert.True(statuses.GetValueOrDefault("field-verified") > 0);
        var colour = Browser.Js(_driver, "const f = window.viewer.surveyLinesLayer.getSource().getFeatures().find(x => x.get('survey_status') === 'field-verified');" +
            "return window.viewer.surveyLinesLayer.getStyle()(f).getStroke().getColor();");
        Assert.Equal("#2e7d32", colour);
        Assert.Equal(_city.Truth.Markers.Count(m => m.OutOfTolerance), _driver.FindElements(By.CssSelector("#survey-out li")).Count);

        // Lines to walk: listed, and a click brings the line into view.
        var walk = _driver.FindElements(By.CssSelector("#survey-walk li"));
        Assert.Equal(expected.LinesToWalk.Length, walk.Count);
        walk[^1].Click();
        var id = int.Parse(walk[^1].GetAttribute("data-id")!, CultureInfo.InvariantCulture);
        Assert.True(Browser.Js(_driver,
            "const f = window.viewer.surveyLinesLayer.getSource().getFeatures().find(x => x.get('id') === arguments[0]);" +
            "const view = window.viewer.map.getView().calculateExtent(window.viewer.map.getSize());" +
            "return window.viewer.walkZoomed === arguments[0] && ol.extent.containsExtent(view, f.getGeometry().getExtent());", id) is true);

        // Upload one of the walks again: its accepted track points are added.
        var before = Convert.ToInt32(Browser.Js(_driver, "return window.viewer.survey.track_points;"), CultureInfo.InvariantCulture);
        var file = Directory.GetFiles(_city.SurveyDirectory, "*.nmea").Order(StringComparer.Ordinal).First();
        _driver.FindElement(By.Id("survey-file")).SendKeys(file);
        _driver.FindElement(By.Id("survey-upload")).Click();
        Browser.WaitFor(_driver, "document.getElementById('survey-upload-result').className.includes('ok') && window.viewer.surveyReady", 120);
        var added = SurveyObservationReader.Read([file]).TrackPoints.Length;
        Assert.Equal(before + added, Convert.ToInt32(Browser.Js(_driver, "return window.viewer.survey.track_points;"), CultureInfo.InvariantCulture));
    }
}
