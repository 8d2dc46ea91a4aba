using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace Boundaries.Cli.Tests.Commands;

/// <summary><c>enclaves plan|apply --report</c>: the HTML change list with maps and the pieces beside it.</summary>
public sealed class EnclavesReportTests
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void PlanReport_InChinese_HasTheOfficialListAndOneSectionPerChange()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "1", "--output", city).ExitCode);
        var layers = dir.File("city.layers.geojson");
        var plan = dir.File("plan.json");
        var report = dir.File("plan.html");
        var run = CliRun.Of("enclaves", "plan", city, "--level", "township", "--roads", layers, "--management", layers, "--output", plan, "--report", report, "--lang", "zh-CN");
        Assert.True(run.ExitCode == 0, run.Error);
        using var planDoc = JsonDocument.Parse(File.ReadAllText(plan));
        var transfers = planDoc.RootElement.GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("kind").GetString() != "Keep").ToList();
        Assert.NotEmpty(transfers);

        var html = Page(report);
        Assert.Equal("zh-CN", html.Root!.Attribute("lang")!.Value);
        var table = html.Descendants(X + "table").Single(t => (string?)t.Attribute("id") == "changes");
        Assert.Equal(["序号", "变更前隶属", "变更后隶属", "面积(平方米)", "人口", "新增界线长度(米)", "生效日期"],
            table.Element(X + "thead")!.Descendants(X + "th").Select(th => th.Value).ToArray());
        var rows = table.Element(X + "tbody")!.Elements(X + "tr").ToList();
        Assert.Equal(transfers.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Elements(X + "td").Select(td => td.Value).ToList();
            Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), cells[0]);
            Assert.Contains(transfers[i].GetProperty("from").GetString()!, cells[1], StringComparison.Ordinal);
            Assert.Contains(transfers[i].GetProperty("to").GetString()!, cells[2], StringComparison.Ordinal);
            Assert.Equal(transfers[i].GetProperty("area_m2").GetDouble(), double.Parse(cells[3], CultureInfo.InvariantCulture), 0.5);
            Assert.Equal(transfers[i].GetProperty("people_moved").GetInt32(), int.Parse(cells[4], CultureInfo.InvariantCulture));
            Assert.Equal(transfers[i].GetProperty("new_boundary_m").GetDouble(), double.Parse(cells[5], CultureInfo.InvariantCulture), 0.05);
            Assert.Equal("—", cells[6]); // a plan has no effective date yet
        }

        var sections = html.Descendants(X + "section").Where(s => (string?)s.Attribute("class") == "change").ToList();
        Assert.Equal(transfers.Count, sections.Count);
        foreach (var (section, i) in sections.Select((s, i) => (s, i)))
        {
            var maps = section.Descendants(Svg + "svg").ToList();
            Assert.Equal(2, maps.Count); // before and after
            Assert.All(maps, m =>
            {
                Assert.Equal("320", m.Attribute("width")!.Value);
                Assert.Equal("240", m.Attribute("height")!.Value);
                Assert.Equal(["receiver", "owner", "piece"], m.Elements(Svg + "path").Select(p => p.Attribute("class")!.Value).ToArray());
                Assert.All(m.Elements(Svg + "path"), p => Assert.StartsWith("M", p.Attribute("d")!.Value, StringComparison.Ordinal));
            });
            Assert.Equal(["变更前", "变更后"], maps.Select(m => m.Element(Svg + "title")!.Value).ToArray());
            var feature = JsonDocument.Parse(section.Descendants(X + "details").Single().Element(X + "pre")!.Value).RootElement;
            Assert.Equal(transfers[i].GetProperty("from").GetString(), feature.GetProperty("properties").GetProperty("from").GetString());
            Assert.Equal(transfers[i].GetProperty("piece").GetProperty("type").GetString(), feature.GetProperty("geometry").GetProperty("type").GetString());
        }

        // the companion GeoJSON, read by GDAL
        var pieces = dir.File("plan.pieces.geojson");
        var ogr = CliRun.Tool("ogrinfo", "-al", "-so", pieces);
        Assert.True(ogr.Exit == 0, ogr.Error);
        Assert.Contains($"Feature Count: {transfers.Count}", ogr.Out, StringComparison.Ordinal);
        Assert.Contains("area_m2: Real", ogr.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyReport_InEnglish_CarriesTheEffectiveDate()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--output", city).ExitCode);
        var plan = dir.File("plan.json");
        Assert.Equal(0, CliRun.Of("enclaves", "plan", city, "--level", "township", "--output", plan).ExitCode);
        var report = dir.File("applied.html");
        var run = CliRun.Of("enclaves", "apply", city, plan, "--level", "township", "--effective", "2025-07-01", "--output", dir.File("new.gpkg"),
            "--report", report, "--lang", "en", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var applied = run.Json().GetProperty("applied").GetArrayLength();
        var html = Page(report);
        var table = html.Descendants(X + "table").Single(t => (string?)t.Attribute("id") == "changes");
        Assert.Equal("No.", table.Element(X + "thead")!.Descendants(X + "th").First().Value);
        var rows = table.Element(X + "tbody")!.Elements(X + "tr").ToList();
        Assert.Equal(applied, rows.Count);
        Assert.All(rows, r => Assert.Equal("2025-07-01", r.Elements(X + "td").Last().Value));
        Assert.DoesNotContain(html.Descendants(X + "th"), th => th.Value.Any(c => c >= 0x4E00 && c <= 0x9FFF));
    }

    /// <summary>The page as XML: the generator writes well-formed XHTML-style markup after the HTML5 doctype.</summary>
    private static XDocument Page(string path)
    {
        var text = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", text, StringComparison.Ordinal);
        return XDocument.Parse(text["<!DOCTYPE html>".Length..]);
    }
}
