using Boundaries.Viewer.Tests.WebMap;
using OpenQA.Selenium;

namespace Boundaries.Viewer.Tests.Enclaves;

/// <summary>
/// The enclave page in headless chromium with the hand-set markers (<see cref="HandSetMarkers"/>): each option shows
/// "需迁移界桩" with its count and the ids on hover — the transfer to the host 1 (JZ-ON), keeping 0 — and the preview of
/// the transfer names the marker too.
/// </summary>
public sealed class EnclaveMarkersInBrowserTests : IAsyncLifetime
{
    private EnclaveCity _city = null!;
    private OpenQA.Selenium.Chrome.ChromeDriver _driver = null!;
    private int _finding;

    public async Task InitializeAsync()
    {
        _city = await EnclaveCity.StartAsync(path => _finding = HandSetMarkers.Write(path));
        _driver = Browser.OpenMap(_city.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _driver.Quit();
        _driver.Dispose();
        await _city.DisposeAsync();
    }

    [Fact]
    public void OptionsAndPreview_ShowTheMarkersToMove()
    {
        _driver.FindElement(By.Id("enclave-mode")).Click();
        Browser.WaitFor(_driver, "window.viewer.enclavesReady", 60);
        _driver.FindElement(By.CssSelector($"#enclave-list li[data-index='{_finding}']")).Click();
        Browser.WaitFor(_driver, "document.querySelectorAll('#enclave-options .option-row').length > 0");
        var options = _driver.FindElements(By.CssSelector("#enclave-options .option-row"));
        var keep = options.Single(o => o.GetAttribute("data-kind") == "Keep").FindElement(By.CssSelector(".markers-moved"));
        Assert.Equal("0", keep.GetAttribute("data-count"));
        Assert.Equal("需迁移界桩 0", keep.Text);
        var transferRow = options.First(o => o.GetAttribute("data-kind") == "TransferToHost");
        var transfer = transferRow.FindElement(By.CssSelector(".markers-moved"));
        Assert.Equal("1", transfer.GetAttribute("data-count"));
        Assert.Equal("JZ-ON", transfer.GetAttribute("title"));
        Assert.Equal("需迁移界桩 1: JZ-ON", transfer.Text);

        transferRow.FindElement(By.CssSelector("button.option-preview")).Click();
        Browser.WaitFor(_driver, "window.viewer.enclavePreview && !document.getElementById('enclave-apply-box').hidden");
        var preview = _driver.FindElement(By.CssSelector("#enclave-result .markers-moved"));
        Assert.Equal("JZ-ON", preview.GetAttribute("data-ids"));
        Assert.EndsWith("需迁移界桩 1: JZ-ON", _driver.FindElement(By.Id("enclave-result")).Text, StringComparison.Ordinal);
    }
}
