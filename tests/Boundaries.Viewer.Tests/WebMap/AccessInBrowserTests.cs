using System.Globalization;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Survey.Compare;
using Boundaries.Viewer.Security;
using Boundaries.Viewer.Tests.Security;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Boundaries.Viewer.Tests.WebMap;

/// <summary>
/// Sign-in in headless chromium against servers with keys and a token signing key: anonymous callers see no edit,
/// upload or apply controls and a forced edit is refused (401, a clear Chinese or English message); a planner key edits
/// a line (read back from the file); a surveyor key uploads a GNSS file but a forced edit is refused (403); an admin
/// token applies an enclave plan. The server's refusals are the oracle for what the page must hide.
/// </summary>
public sealed class AccessInBrowserTests : IAsyncLifetime
{
    private const string PlannerKey = "planner-key-5d1c0a77", SurveyorKey = "surveyor-key-93be41f0";
    private static readonly AccessOptions Access = new()
    {
        ApiKeys = [ApiKey.For("规划科", AccessRole.Planner, PlannerKey), ApiKey.For("外业一组", AccessRole.Surveyor, SurveyorKey)],
        TokenSigningKey = Tokens.SigningKey,
    };

    private WebServer _city = null!;
    private ChromeDriver _driver = null!;

    public async Task InitializeAsync()
    {
        _city = await WebServer.StartAsync(TestSupport.SampleCity, survey: true, access: Access);
        _driver = Browser.Start();
    }

    public async Task DisposeAsync()
    {
        _driver.Quit();
        _driver.Dispose();
        await _city.DisposeAsync();
    }

    [Fact]
    public void AnonymousSeesNoEditControlsAndAForcedEditIsRefused()
    {
        Open(_city, "zh-CN");
        Assert.Equal("anonymous", _driver.FindElement(By.Id("access-who")).GetAttribute("data-role"));
        Assert.Contains("未登录", _driver.FindElement(By.Id("access-who")).Text);
        Assert.True(_driver.FindElement(By.Id("access-credential")).Displayed);
        foreach (var id in new[] { "edit-mode", "edit-save", "split-draw", "merge-save", "survey-upload", "enclave-plan-all", "enclave-apply" })
        {
            Assert.False(_driver.FindElement(By.Id(id)).Displayed, id + " is shown to an anonymous caller");
        }
        var before = File.ReadAllBytes(_city.Path);
        ForceEdit();
        Assert.Equal(401, Status("lastEdit"));
        Assert.Contains("需要登录", Refusal());

        SetLanguage("en");
        ForceEdit();
        Assert.Equal(401, Status("lastEdit"));
        Assert.Contains("Sign-in needed", Refusal());
        Assert.Contains("not signed in", _driver.FindElement(By.Id("access-who")).Text);
        Assert.Equal(before, File.ReadAllBytes(_city.Path));
    }

    [Fact]
    public void APlannerKeyEditsALineAndStaysSignedInUntilSignOut()
    {
        Open(_city, "zh-CN");
        SignIn(PlannerKey, "planner");
        Assert.Contains("规划科", _driver.FindElement(By.Id("access-who")).Text);
        Assert.Contains("规划员", _driver.FindElement(By.Id("access-who")).Text);
        Assert.False(_driver.FindElement(By.Id("survey-upload")).Displayed, "a planner may not upload");
        Assert.True(_driver.FindElement(By.Id("split-draw")).Displayed);

        // kept for the tab: a reload is still signed in
        _driver.Navigate().Refresh();
        Browser.WaitFor(_driver, "window.viewer && window.viewer.ready && window.boundariesAccess.ready", 120);
        Assert.Equal("planner", _driver.FindElement(By.Id("access-who")).GetAttribute("data-role"));

        _driver.FindElement(By.Id("edit-mode")).Click();
        Browser.WaitFor(_driver, "window.viewer.linesLayer && window.viewer.linesLayer.getSource().getFeatures().length > 0");
        var (id, left, right) = InteriorLine();
        Browser.Js(_driver, "window.viewer.selectLine(arguments[0]);", id);
        var target = (IReadOnlyList<object>)Browser.Js(_driver,
            "const g = window.viewer.selectedLine.getGeometry(); const c = g.getCoordinates(); const k = Math.floor(c.length / 2);" +
            "c[k] = [c[k][0] + 3, c[k][1] + 3]; g.setCoordinates(c); return ol.proj.toLonLat(c[k]);")!;
        _driver.FindElement(By.Id("edit-author")).SendKeys("李工");
        _driver.FindElement(By.Id("edit-reason")).SendKeys("现场核实");
        _driver.FindElement(By.Id("edit-save")).Click();
        Browser.WaitFor(_driver, "document.getElementById('edit-result').className.includes('ok')", 60);
        var lon = Convert.ToDouble(target[0], CultureInfo.InvariantCulture);
        var lat = Convert.ToDouble(target[1], CultureInfo.InvariantCulture);
        var saved = DivisionImporter.Import(_city.Path).In(CrsCode.Cgcs2000).Divisions.Where(d => d.Level == DivisionLevel.Township).ToList();
        foreach (var code in new[] { left, right })
        {
            Assert.Contains(saved.Single(d => d.Code == code).Geometry.Coordinates, c => Math.Abs(c.X - lon) < 1e-7 && Math.Abs(c.Y - lat) < 1e-7);
        }

        _driver.FindElement(By.Id("access-signout")).Click();
        Browser.WaitFor(_driver, "window.boundariesAccess.ready && document.getElementById('access-who').dataset.role === 'anonymous'");
        Assert.False(_driver.FindElement(By.Id("edit-save")).Displayed);
    }

    [Fact]
    public void ASurveyorUploadsAFileButMayNotEdit()
    {
        Open(_city, "zh-CN");
        Browser.WaitFor(_driver, "window.viewer.surveyReady", 120);
        SignIn(SurveyorKey, "surveyor");
        Assert.Contains("勘界员", _driver.FindElement(By.Id("access-who")).Text);
        Assert.False(_driver.FindElement(By.Id("edit-mode")).Displayed, "a surveyor may not edit");
        Assert.True(_driver.FindElement(By.Id("survey-upload")).Displayed);

        var before = Convert.ToInt32(Browser.Js(_driver, "return window.viewer.survey.track_points;"), CultureInfo.InvariantCulture);
        var file = Directory.GetFiles(_city.SurveyDirectory!, "*.nmea", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        _driver.FindElement(By.Id("survey-file")).SendKeys(file);
        _driver.FindElement(By.Id("survey-upload")).Click();
        Browser.WaitFor(_driver, "document.getElementById('survey-upload-result').className.includes('ok') && window.viewer.surveyReady", 120);
        var added = SurveyObservationReader.Read([file]).TrackPoints.Length;
        Assert.Equal(before + added, Convert.ToInt32(Browser.Js(_driver, "return window.viewer.survey.track_points;"), CultureInfo.InvariantCulture));

        ForceEdit();
        Assert.Equal(403, Status("lastEdit"));
        Assert.Contains("无权操作", Refusal());
    }

    [Fact]
    public async Task AnAdminTokenAppliesAnEnclavePlanThatAPlannerMayOnlyPreview()
    {
        await using var enclaves = await WebServer.StartEnclaveCityAsync(Access);
        Open(enclaves, "zh-CN");
        SignIn(PlannerKey, "planner");
        PreviewFirstEnclave();
        Assert.False(_driver.FindElement(By.Id("enclave-apply")).Displayed, "a planner may not apply");

        _driver.FindElement(By.Id("access-signout")).Click();
        Browser.WaitFor(_driver, "window.boundariesAccess.ready && document.getElementById('access-who').dataset.role === 'anonymous'");
        SignIn(Tokens.For("赵管理", "admin"), "admin");
        Assert.Contains("赵管理", _driver.FindElement(By.Id("access-who")).Text);
        var before = Convert.ToInt32(Browser.Js(_driver, "return window.viewer.enclaveLayer.getSource().getFeatures().length;"), CultureInfo.InvariantCulture);
        PreviewFirstEnclave();
        Assert.True(_driver.FindElement(By.Id("enclave-apply")).Displayed);
        _driver.FindElement(By.Id("enclave-date")).SendKeys("2027-01-01");
        _driver.FindElement(By.Id("enclave-author")).SendKeys("赵管理");
        _driver.FindElement(By.Id("enclave-reason")).SendKeys("飞地调整");
        _driver.FindElement(By.Id("enclave-apply")).Click();
        Browser.WaitFor(_driver, "document.getElementById('enclave-result').className.includes('ok') && window.viewer.enclavesReady", 120);
        Assert.True(Convert.ToInt32(Browser.Js(_driver, "return window.viewer.enclaveLayer.getSource().getFeatures().length;"), CultureInfo.InvariantCulture) < before);
        var saved = DivisionImporter.Import(enclaves.Path).In(CrsCode.Cgcs2000).Divisions;
        Assert.Contains(saved, d => d.ValidTo == new DateOnly(2027, 1, 1));
    }

    private void Open(WebServer server, string language)
    {
        _driver.Navigate().GoToUrl(server.BaseUrl + "/map/");
        Browser.Js(_driver, "localStorage.setItem('boundaries.lang', arguments[0]); sessionStorage.clear();", language);
        _driver.Navigate().Refresh();
        Browser.WaitFor(_driver, "window.viewer && window.viewer.ready && window.boundariesAccess.ready", 120);
    }

    private void SignIn(string credential, string role)
    {
        _driver.FindElement(By.Id("access-credential")).SendKeys(credential);
        _driver.FindElement(By.Id("access-signin")).Click();
        Browser.WaitFor(_driver, "window.boundariesAccess.ready && document.getElementById('access-who').dataset.role === '" + role + "'");
        Assert.False(_driver.FindElement(By.Id("access-credential")).Displayed);
        Assert.True(_driver.FindElement(By.Id("access-signout")).Displayed);
    }

    private void SetLanguage(string language) =>
        Browser.Js(_driver, "const s = document.getElementById('lang'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));", language);

    /// <summary>An edit the page does not offer, sent anyway through the page's own save (as a user who un-hides it could).</summary>
    private void ForceEdit()
    {
        Browser.Js(_driver, "window.viewer.lastEdit = null; const m = document.getElementById('edit-mode'); if (!m.checked) { m.checked = true; m.dispatchEvent(new Event('change')); }");
        Browser.WaitFor(_driver, "window.viewer.linesLayer && window.viewer.linesLayer.getSource().getFeatures().length > 0");
        var (id, _, _) = InteriorLine();
        Browser.Js(_driver, "window.viewer.selectLine(arguments[0]); document.getElementById('edit-save').click();", id);
        Browser.WaitFor(_driver, "window.viewer.lastEdit && document.getElementById('edit-result').className.includes('error')", 60);
    }

    /// <summary>The refusal as shown in the header (visible to every role), checked to be the same as the panel's message.</summary>
    private string Refusal()
    {
        var header = _driver.FindElement(By.Id("access-message"));
        Assert.True(header.Displayed);
        var panel = (string)Browser.Js(_driver, "return document.getElementById('edit-result').textContent;")!;
        Assert.StartsWith(header.Text, panel, StringComparison.Ordinal);
        return header.Text;
    }

    private int Status(string what) => Convert.ToInt32(Browser.Js(_driver, "return window.viewer." + what + ".status;"), CultureInfo.InvariantCulture);

    private void PreviewFirstEnclave()
    {
        if (!_driver.FindElement(By.Id("enclave-mode")).Selected)
        {
            _driver.FindElement(By.Id("enclave-mode")).Click();
        }
        Browser.WaitFor(_driver, "window.viewer.enclavesReady", 60);
        var index = Convert.ToInt32(Browser.Js(_driver, "return window.viewer.enclaveLayer.getSource().getFeatures().filter(f => f.get('class') === 'enclave')" +
            ".map(f => f.get('index')).sort((a, b) => a - b)[0];"), CultureInfo.InvariantCulture);
        _driver.FindElement(By.CssSelector($"#enclave-list li[data-index='{index}']")).Click();
        Browser.WaitFor(_driver, "document.querySelectorAll('#enclave-options .option-row').length > 0");
        _driver.FindElement(By.CssSelector("#enclave-options .option-row[data-kind='TransferToHost'] button.option-preview")).Click();
        Browser.WaitFor(_driver, "window.viewer.enclavePreview && !document.getElementById('enclave-apply-box').hidden", 60);
    }

    /// <summary>The longest township line between two townships (from the page's own line layer).</summary>
    private (int Id, string Left, string Right) InteriorLine()
    {
        var line = (IReadOnlyList<object>)Browser.Js(_driver,
            "const f = window.viewer.linesLayer.getSource().getFeatures().filter(x => x.get('left') && x.get('right') && x.getGeometry().getCoordinates().length >= 4)" +
            ".sort((a, b) => b.get('length_m') - a.get('length_m'))[0]; return [f.get('id'), f.get('left'), f.get('right')];")!;
        return (Convert.ToInt32(line[0], CultureInfo.InvariantCulture), (string)line[1], (string)line[2]);
    }
}
