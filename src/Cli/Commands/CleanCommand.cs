using System.Collections.Immutable;
using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Clean;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Import;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries clean FILE --output OUT [--strategy …] [--priority CODE,…] [--log LOG.json]</c>: makes every coverage
/// tile its parent exactly, writes the result in CGCS2000 lon/lat, and the change log as JSON when asked.
/// </summary>
internal static class CleanCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("FILE") { Description = "input file / 输入文件" };
        var target = new Option<string>("--output", "-o") { Description = "output file (.gpkg, .geojson, .csv) / 输出文件", Required = true };
        var strategy = new Option<string>("--strategy")
        {
            Description = "who gets a gap or overlap: longest-border, max-area, min-area, priority / 缝隙与重叠的归属规则",
            DefaultValueFactory = _ => "longest-border",
        };
        strategy.AcceptOnlyFromAmong("longest-border", "max-area", "min-area", "priority");
        var priority = new Option<string?>("--priority") { Description = "codes in order of precedence, comma-separated (with --strategy priority) / 优先代码列表" };
        var logFile = new Option<string?>("--log") { Description = "write every change to this JSON file / 变更日志（JSON）" };
        var inputOptions = new InputOptions();
        var command = new Command("clean", "Fix gaps, overlaps, slivers and near-misses so each coverage tiles its parent / 清理缝隙、重叠与碎面")
        {
            input, target, strategy, priority, logFile,
        };
        inputOptions.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var options = new CleanOptions
            {
                Strategy = p.GetValue(strategy) switch
                {
                    "max-area" => CleanStrategy.MaxArea,
                    "min-area" => CleanStrategy.MinArea,
                    "priority" => CleanStrategy.Priority,
                    _ => CleanStrategy.LongestBorder,
                },
                Priority = p.GetValue(priority) is { } list
                    ? [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                    : ImmutableArray<string>.Empty,
            };
            var imported = DivisionImporter.Import(p.GetValue(input)!, inputOptions.ReadOptions(p), inputOptions.FromCrs(p));
            var result = CoverageCleaner.Clean(imported.Set, options);
            var outPath = p.GetValue(target)!;
            DivisionFiles.Write(LonLat(result.Cleaned), outPath);
            if (p.GetValue(logFile) is { } logPath)
            {
                Boundaries.Geo.Formats.AtomicFile.WriteText(logPath, CleanLogJson.Of(result, imported.Set.Crs));
            }
            if (p.GetValue(GlobalOptions.Format) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, new
                {
                    metric_crs = result.MetricCrs.ToString(),
                    divisions = result.Cleaned.Divisions.Length,
                    coverages_changed = result.CoveragesChanged,
                    changes = result.Log.Length,
                    by_kind = result.CountByKind().ToDictionary(k => CleanLogJson.KindName(k.Key), k => k.Value),
                });
            }
            else
            {
                context.Out.WriteLine(context.Text["clean.summary", result.Cleaned.Divisions.Length, result.MetricCrs, result.CoveragesChanged, result.Log.Length]);
                foreach (var (kind, count) in result.CountByKind())
                {
                    context.Out.WriteLine(context.Text["clean.count", context.Text["clean.kind." + CleanLogJson.KindName(kind)], count]);
                }
                context.Error.WriteLine(context.Text["clean.wrote", outPath]);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Geo.Model.DivisionSet LonLat(Geo.Model.DivisionSet set)
    {
        if (set.Crs == CrsCode.Cgcs2000)
        {
            return set;
        }
        var transformer = CoordinateTransformer.Create(set.Crs, CrsCode.Cgcs2000);
        return new Geo.Model.DivisionSet([.. set.Divisions.Select(d => d with { Geometry = transformer.Transform(d.Geometry) })], CrsCode.Cgcs2000);
    }
}
