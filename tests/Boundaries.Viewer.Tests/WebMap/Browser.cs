using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Boundaries.Viewer.Tests.WebMap;

/// <summary>Debian chromium in headless mode through chromedriver (apt chromium-driver); fails, never skips, when missing.</summary>
internal static class Browser
{
    public static ChromeDriver Start()
    {
        if (!File.Exists("/usr/bin/chromium") || !File.Exists("/usr/bin/chromedriver"))
        {
            throw new InvalidOperationException("chromium or chromedriver is missing: run scripts/test.sh, which installs chromium and chromium-driver (apt)");
        }
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,900",
            "--user-data-dir=" + Path.Combine(Path.GetTempPath(), "boundaries-chromium-" + Guid.NewGuid().ToString("N")[..8]));
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>Starts chromium on the served web map (<c>BASE/map/</c>) and waits until the page says it is ready.</summary>
    public static ChromeDriver OpenMap(string baseUrl)
    {
        var driver = Start();
        driver.Navigate().GoToUrl(baseUrl + "/map/");
        WaitFor(driver, "window.viewer && window.viewer.ready", 60);
        return driver;
    }

    /// <summary>Polls a JavaScript expression until it is truthy; fails with the page's error when it never is.</summary>
    public static void WaitFor(IWebDriver driver, string expression, int seconds = 30)
    {
        var js = (IJavaScriptExecutor)driver;
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (js.ExecuteScript("return !!(" + expression + ");") is true)
            {
                return;
            }
            Thread.Sleep(100);
        }
        var error = js.ExecuteScript("return window.viewer && window.viewer.error;");
        throw new TimeoutException($"{expression} never became true in {seconds} s (page error: {error})");
    }

    public static object? Js(IWebDriver driver, string script, params object[] args) => ((IJavaScriptExecutor)driver).ExecuteScript(script, args);
}
