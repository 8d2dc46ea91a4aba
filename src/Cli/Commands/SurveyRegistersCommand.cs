using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Topology;
using Boundaries.Survey.Compare;
using Boundaries.Survey.Registers;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries survey registers --boundaries FILE --survey FILE… --output DIR</c>: the marker register, the
/// boundary-point table and the course description of each line, as CSV (UTF-8 with BOM) and registers.html.
/// Headers are Chinese (GB/T 17796 forms) unless <c>--lang en</c> is given.
/// </summary>
internal static class SurveyRegistersCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var boundaries = new Option<string>("--boundaries") { Description = "division file with the agreed lines / 区划（界线）文件", Required = true };
        var survey = new Option<string[]>("--survey") { Description = "survey files or folders / 测量数据文件或目录", Required = true, AllowMultipleArgumentsPerToken = true };
        var target = new Option<string>("--output", "-o") { Description = "folder for the registers / 输出目录", Required = true };
        var tolerance = new Option<double>("--tolerance") { Description = "marker tolerance in metres (default 0.5) / 界桩限差（米）", DefaultValueFactory = _ => 0.5 };
        var crs = new Option<string?>("--crs") { Description = "coordinate system of grid files (CASS, CSV): EPSG:n / 坐标文件的坐标系" };
        var dryRun = new Option<bool>("--dry-run") { Description = "build, write nothing / 只生成不写出" };
        var inputOptions = new InputOptions();
        var command = new Command("registers", "Marker register, boundary points, course descriptions / 界桩登记表、边界点成果表、走向说明")
        {
            boundaries, survey, target, tolerance, crs, dryRun,
        };
        inputOptions.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var (set, comparison, observations) = SurveyProgressCommand.Load(context, p, boundaries, survey, crs, inputOptions,
                new ComparisonOptions { MarkerToleranceMeters = p.GetValue(tolerance) });
            var english = p.GetValue(GlobalOptions.Lang) is { } lang && lang.StartsWith("en", StringComparison.OrdinalIgnoreCase);
            var language = english ? RegisterLanguage.English : RegisterLanguage.Chinese;
            var tables = RegisterBuilder.Build(EdgeTopology.Build(set), comparison, observations, language);
            var dir = p.GetValue(target)!;
            if (!p.GetValue(dryRun))
            {
                RegisterWriter.Write(tables, dir, english ? "Boundary survey registers" : "界线测绘成果登记");
            }
            foreach (var t in tables)
            {
                context.Error.WriteLine(context.Text["survey.registers.table", t.Title, t.Rows.Length]);
            }
            context.Error.WriteLine(context.Text["survey.registers.wrote", dir]);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
