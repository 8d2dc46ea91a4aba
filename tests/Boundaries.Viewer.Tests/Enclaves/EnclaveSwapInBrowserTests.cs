using System.Globalization;
using Boundaries.Viewer.Tests.WebMap;
using OpenQA.Selenium;

namespace Boundaries.Viewer.Tests.Enclaves;

/// <summary>
/// In headless chromium: the official previews and applies the swap option of one finding; the page says both halves
/// are applied, the preview changes both townships, and after the apply neither finding is left.
/// </summary>
public sealed class EnclaveSwapInBrowserTests : IAsyncLifetime
{
    private SwapCity _city = null!;
    private OpenQA.Selenium.Chrome.ChromeDriver _driver = null!;

    public async Task InitializeAsync()
    {
        _city = await SwapCity.StartAsync();
        _driver = Browser.OpenMap(_city.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _driver.Quit();
        _driver.Dispose();
        await _city.DisposeAsync();
    }

    [Fact]
    public void SwapPickedForOneFinding_IsPreviewedAndAppliedWhole()
    {
        _driver.FindElement(By.Id("enclave-mode")).Click();
        Browser.WaitFor(_driver, "window.viewer.enclavesReady", 60);
        Assert.Equal(2, Number("return window.viewer.enclaveLayer.getSource().getFeatures().length;"));
        var index = Number($"return window.viewer.enclaveLayer.getSource().getFeatures().find(f => f.get('owner') === '{SwapCity.A}').get('index');");
        _driver.FindElement(By.CssSelector($"#enclave-list li[data-index='{index}']")).Click();
        Browser.WaitFor(_driver, "document.querySelectorAll('#enclave-options .option-row').length > 0");
        var swap = _driver.FindElements(By.CssSelector("#enclave-options .option-row")).Single(o => o.GetAttribute("data-kind") == "Swap");
        Assert.Contains("互换", swap.Text, StringComparison.Ordinal);
        swap.FindElement(By.CssSelector("button.option-preview")).Click();
        Browser.WaitFor(_driver, "window.viewer.enclavePreview && !document.getElementById('enclave-apply-box').hidden");
        Assert.Equal(1, Number("return window.viewer.enclaveSwapPartners.length;"));
        Assert.Equal(2, Number("return window.viewer.enclavePreview.choices.length;"));
        Assert.StartsWith("互换须两处同时执行", _driver.FindElement(By.Id("enclave-result")).Text, StringComparison.Ordinal);
        var changed = ((IEnumerable<object>)Browser.Js(_driver, "return window.viewer.enclavePreview.after.features.map(f => f.properties.code);")!).Cast<string>().Order().ToList();
        Assert.Equal([SwapCity.A, SwapCity.B], changed);

        _driver.FindElement(By.Id("enclave-date")).SendKeys("2027-01-01");
        _driver.FindElement(By.Id("enclave-author")).SendKeys("王科长");
        _driver.FindElement(By.Id("enclave-reason")).SendKeys("互换飞地");
        _driver.FindElement(By.Id("enclave-apply")).Click();
        Browser.WaitFor(_driver, "document.getElementById('enclave-result').className.includes('ok') && window.viewer.enclavesReady", 60);
        Assert.Equal(0, Number("return window.viewer.enclaveLayer.getSource().getFeatures().length;"));
    }

    private int Number(string script) => Convert.ToInt32(Browser.Js(_driver, script), CultureInfo.InvariantCulture);
}
