using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Validation;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries validate FILE [--gap-width M] [--format text|json|geojson] [--output OUT] [--report out.html]</c>:
/// checks geometry, coverages and hierarchy; exit 1 when any error-severity finding remains.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("FILE") { Description = "division file / 区划文件" };
        var gapWidth = new Option<double?>("--gap-width") { Description = "widest hole that counts as a gap where the parent is unknown, metres (default 100) / 缝隙宽度阈值（米）" };
        var nearMiss = new Option<double?>("--near-miss") { Description = "near-miss edge tolerance, metres (default 0.5) / 近似重合容差（米）" };
        var sliver = new Option<double?>("--sliver-width") { Description = "sliver width, metres (default 5) / 细长碎片宽度（米）" };
        var tinyPart = new Option<double?>("--tiny-part") { Description = "tiny part area, m² (default 10) / 微小图斑面积（平方米）" };
        var disable = new Option<string?>("--disable") { Description = "finding codes to switch off, comma-separated / 关闭的检查项" };
        var exceptions = new Option<string?>("--exceptions") { Description = "JSON file of accepted findings / 例外清单（JSON）" };
        var scheme = new Option<CodeScheme>("--code-scheme") { Description = "china (GB/T 2260 codes) or any / 代码规则", DefaultValueFactory = _ => CodeScheme.China };
        var parentPrefix = new Option<int?>("--parent-prefix") { Description = "derive a missing parent from the first N characters of the code / 由代码前 N 位推出上级" };
        var target = new Option<string?>("--output", "-o") { Description = "write the result here instead of stdout / 输出文件" };
        var report = new Option<string?>("--report") { Description = "write an HTML report / 输出 HTML 报告" };
        var inputOptions = new InputOptions();
        var command = new Command("validate", "Check boundaries: geometry, gaps, overlaps, hierarchy, codes / 界线检查")
        {
            input, gapWidth, nearMiss, sliver, tinyPart, disable, exceptions, scheme, parentPrefix, target, report,
        };
        inputOptions.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var rules = ValidationRules.Default with { CodeScheme = p.GetValue(scheme), ParentCodePrefixLength = p.GetValue(parentPrefix) };
            rules = p.GetValue(gapWidth) is { } gw ? rules with { GapWidthMeters = gw } : rules;
            rules = p.GetValue(nearMiss) is { } nm ? rules with { NearMissToleranceMeters = nm } : rules;
            rules = p.GetValue(sliver) is { } sw ? rules with { SliverWidthMeters = sw } : rules;
            rules = p.GetValue(tinyPart) is { } tp ? rules with { TinyPartAreaSquareMeters = tp } : rules;
            if (p.GetValue(disable) is { } list)
            {
                rules = rules with { Disabled = [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => ParseCode(context, c))] };
            }
            if (p.GetValue(exceptions) is { } exceptionsPath)
            {
                rules = rules with { Exceptions = ValidationExceptions.Parse(File.ReadAllText(exceptionsPath)) };
            }
            var path = p.GetValue(input)!;
            var set = DivisionImporter.Import(path, inputOptions.ReadOptions(p), inputOptions.FromCrs(p)).In(CrsCode.Cgcs2000);
            var result = CoverageChecker.Check(set, rules);
            var text = p.GetValue(GlobalOptions.Format) switch
            {
                OutputFormat.Json => ValidationReportJson.ToJson(result),
                OutputFormat.GeoJson => ValidationReportJson.ToGeoJson(result),
                _ => Text(context, result),
            };
            if (p.GetValue(target) is { } outPath)
            {
                Boundaries.Geo.Formats.AtomicFile.WriteText(outPath, text);
                context.Error.WriteLine(context.Text["validate.wrote", outPath]);
            }
            else
            {
                context.Out.Write(text);
            }
            if (p.GetValue(report) is { } reportPath)
            {
                var language = context.Text.Language == Language.Chinese ? ReportLanguage.Chinese : ReportLanguage.English;
                Boundaries.Geo.Formats.AtomicFile.WriteText(reportPath, ValidationHtmlReport.Render(result, language, set.Divisions.Select(d => d.Geometry), Path.GetFileName(path)));
                context.Error.WriteLine(context.Text["validate.report", reportPath]);
            }
            return result.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
        }));
        return command;
    }

    private static FindingCode ParseCode(CliContext context, string name) =>
        FindingCodes.TryParse(name, out var code) ? code.Value : throw new FormatException(context.Text["validate.bad_code", name]);

    private static string Text(CliContext context, ValidationReport report)
    {
        var t = context.Text;
        var language = t.Language == Language.Chinese ? ReportLanguage.Chinese : ReportLanguage.English;
        var lines = new List<string>
        {
            t["validate.summary", report.Divisions, report.Coverages, report.Findings.Count(f => f.Severity == Severity.Error),
                report.Findings.Count(f => f.Severity == Severity.Warning), report.Accepted.Length],
        };
        foreach (var f in report.Findings)
        {
            var at = f.Location.IsEmpty ? "" : string.Create(CultureInfo.InvariantCulture, $"{f.Location.InteriorPoint.X:0.000000}, {f.Location.InteriorPoint.Y:0.000000}");
            var measure = f.Measure is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m:0.###} {f.MeasureUnit}") : "-";
            lines.Add(t["validate.finding", t["severity." + f.Severity.ToString().ToLowerInvariant()], f.Code.Name(), t["finding." + f.Code.Name()],
                string.Join(", ", f.Divisions), measure, at, FindingDetails.Text(f, language)]);
        }
        return string.Join("\n", lines) + "\n";
    }
}
