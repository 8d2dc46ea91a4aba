using System.CommandLine;
using System.Globalization;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Topology;
using Boundaries.Store;
using Boundaries.Survey.Compare;
using Boundaries.Survey.Conflate;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries survey conflate --boundaries FILE --survey FILE|DIR… --output OUT [--max-shift M] [--move-nodes]
/// [--store CONN --author A --reason R --effective DATE]</c>: moves the lines through the accepted surveyed markers
/// (<see cref="LineConflator"/>), writes the new divisions, and with <c>--store</c> applies the changed divisions as one
/// change set. Exit 1 when a point was refused.
/// </summary>
internal static class SurveyConflateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var boundaries = new Option<string>("--boundaries") { Description = "division file with the agreed lines / 区划（界线）文件", Required = true };
        var survey = new Option<string[]>("--survey") { Description = "survey files or folders / 测量数据文件或目录", Required = true, AllowMultipleArgumentsPerToken = true };
        var outputFile = new Option<string>("--output", "-o") { Description = "the new divisions (.gpkg, .geojson, .csv) / 输出区划文件", Required = true };
        var maxShift = new Option<double>("--max-shift") { Description = "largest move of a line, metres (default 5) / 界线最大移动距离（米）", DefaultValueFactory = _ => 5 };
        var moveNodes = new Option<bool>("--move-nodes") { Description = "let a marker near a node move the node / 允许界桩移动结点（含三交点）" };
        var crs = new Option<string?>("--crs") { Description = "coordinate system of grid files (CASS, CSV): EPSG:n / 坐标文件的坐标系" };
        var store = new Option<string?>("--store") { Description = "apply the changes to this store (.gpkg or connection string) / 将变更写入区划库" };
        var author = new Option<string?>("--author") { Description = "who makes the change (default: the login name) / 变更人" };
        var reason = new Option<string?>("--reason") { Description = "why (default: 'survey conflation') / 变更原因" };
        var effective = new Option<string?>("--effective") { Description = "first day in force, YYYY-MM-DD (default: today) / 生效日期" };
        var inputOptions = new InputOptions();
        var command = new Command("conflate", "Move the lines through the surveyed markers / 按实测界桩修正界线")
        {
            boundaries, survey, outputFile, maxShift, moveNodes, crs, store, author, reason, effective,
        };
        inputOptions.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var date = p.GetValue(effective) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.Today);
            var (set, comparison, observations) = SurveyProgressCommand.Load(context, p, boundaries, survey, crs, inputOptions, new ComparisonOptions());
            var options = new ConflateOptions { MaxShiftMeters = p.GetValue(maxShift), MoveNodes = p.GetValue(moveNodes) };
            var result = LineConflator.Conflate(set, EdgeTopology.Build(set), ConflationPoints.From(observations, comparison), options);
            foreach (var r in result.Refused)
            {
                context.Error.WriteLine(context.Text["survey.conflate.refused", r.Id, r.LineId?.ToString(CultureInfo.InvariantCulture) ?? "-",
                    r.DistanceMeters ?? double.NaN, context.Text["survey.conflate.reason." + r.Reason.ToString().ToLowerInvariant()]]);
            }
            var path = p.GetValue(outputFile)!;
            DivisionFiles.Write(result.Divisions, path);
            context.Error.WriteLine(context.Text["survey.conflate.summary", result.Accepted.Length, result.Lines.Length, result.Changed.Length, result.Refused.Length, path]);
            long? changeSetId = null;
            if (p.GetValue(store) is { } connection && result.Changed.Length > 0)
            {
                var applied = Apply(context, connection, result, p.GetValue(author) ?? Environment.UserName, p.GetValue(reason) ?? "survey conflation", date);
                if (applied.Exit != ExitCodes.Ok)
                {
                    return applied.Exit;
                }
                changeSetId = applied.Id;
            }
            if (p.GetValue(GlobalOptions.Format) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, new
                {
                    output = path,
                    metric_crs = result.MetricCrs.ToString(),
                    max_shift_m = options.MaxShiftMeters,
                    accepted = result.Accepted,
                    refused = result.Refused.Select(r => new { id = r.Id, line = r.LineId, distance_m = r.DistanceMeters is { } d ? Math.Round(d, 4) : (double?)null, reason = r.Reason.ToString() }),
                    lines = result.Lines.Select(l => new { id = l.Id, left = l.Left, right = l.Right, points = l.PointIds, max_shift_m = Math.Round(l.MaxShiftMeters, 4), vertices_before = l.VerticesBefore, vertices_after = l.VerticesAfter }),
                    divisions = result.Changed.Select(c => new { code = c.Code, level = c.Level.ToString().ToLowerInvariant(), lines = c.LineIds, max_shift_m = Math.Round(c.MaxShiftMeters, 4) }),
                    change_set = changeSetId,
                });
            }
            return result.Refused.IsEmpty ? ExitCodes.Ok : ExitCodes.Findings;
        }));
        return command;
    }

    /// <summary>One change set replacing every changed division's version in force on the effective date.</summary>
    private static (int Exit, long? Id) Apply(CliContext context, string connection, ConflationResult result, string author, string reason, DateOnly date)
    {
        var byCode = result.Divisions.Divisions.ToDictionary(d => d.Code, StringComparer.Ordinal);
        return StoreReplacements.Write(context, connection, [.. result.Changed.Select(c => byCode[c.Code])], author, reason, date,
            (code, location) => context.Text["survey.conflate.not_stored", code, location]);
    }
}
