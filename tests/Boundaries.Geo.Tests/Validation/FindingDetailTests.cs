using System.Text.RegularExpressions;
using Boundaries.Geo.Synthesis;
using Boundaries.Geo.Validation;

namespace Boundaries.Geo.Tests.Validation;

/// <summary>Finding descriptions in zh-CN and English: every finding of a dirty city carries a detail with a Chinese template.</summary>
public sealed partial class FindingDetailTests
{
    [Fact]
    public void EveryFindingOfADirtyCityReadsInChineseAndInEnglish()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 1, Size = CitySize.Small, Dirty = DirtyOptions.All });
        var report = CoverageChecker.Check(city.Divisions);
        Assert.True(report.Findings.Length >= 10);
        foreach (var f in report.Findings)
        {
            Assert.NotNull(f.Detail);
            Assert.True(FindingDetails.HasTemplate(f.Detail!.Key), $"no Chinese template for {f.Detail.Key}");
            var zh = FindingDetails.Text(f, ReportLanguage.Chinese);
            var en = FindingDetails.Text(f, ReportLanguage.English);
            Assert.Equal(f.Message, en);
            Assert.Matches(Han(), zh);
            if (f.Detail.Key is not ("invalid" or "malformed_code"))
            {
                // (those two quote NTS's and the code scheme's own English reason)
                Assert.DoesNotMatch(EnglishWords(), zh);
            }
            Assert.DoesNotContain("{", zh, StringComparison.Ordinal); // every placeholder filled
            foreach (var code in f.Divisions)
            {
                Assert.Contains(code, zh, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void TheHtmlReportShowsDetailsInItsLanguage()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 2, Size = CitySize.Small, Dirty = DirtyOptions.All });
        var report = CoverageChecker.Check(city.Divisions);
        var zh = ValidationHtmlReport.Render(report, ReportLanguage.Chinese);
        var en = ValidationHtmlReport.Render(report, ReportLanguage.English);
        foreach (var f in report.Findings)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(FindingDetails.Text(f, ReportLanguage.Chinese)), zh, StringComparison.Ordinal);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(f.Message), en, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(" between ", zh, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex(@"\b(gap|overlap|between|edges|sliver|outside|the|divisions|ring|part)\b")]
    private static partial Regex EnglishWords();
}
