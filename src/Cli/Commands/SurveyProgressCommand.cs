using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Survey.Compare;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries survey progress --boundaries FILE --survey FILE… [--tolerance M] [--buffer M]</c>: compares the field
/// survey with the agreed lines: per line, district and city the length, verified length and share; the lines still
/// to walk; each marker's offset. Exit 1 when a marker is out of tolerance.
/// </summary>
internal static class SurveyProgressCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var boundaries = new Option<string>("--boundaries") { Description = "division file with the agreed lines / 区划（界线）文件", Required = true };
        var survey = new Option<string[]>("--survey") { Description = "survey files or folders / 测量数据文件或目录", Required = true, AllowMultipleArgumentsPerToken = true };
        var tolerance = new Option<double>("--tolerance") { Description = "marker tolerance in metres (default 0.5) / 界桩限差（米）", DefaultValueFactory = _ => 0.5 };
        var buffer = new Option<double>("--buffer") { Description = "track points within this many metres verify a line (default 2) / 轨迹缓冲距离（米）", DefaultValueFactory = _ => 2 };
        var crs = new Option<string?>("--crs") { Description = "coordinate system of grid files (CASS, CSV): EPSG:n / 坐标文件的坐标系" };
        var inputOptions = new InputOptions();
        var command = new Command("progress", "Field-delimitation progress per line, district and city / 现地勘定进度") { boundaries, survey, tolerance, buffer, crs };
        inputOptions.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var (_, comparison, observations) = Load(context, p, boundaries, survey, crs, inputOptions,
                new ComparisonOptions { MarkerToleranceMeters = p.GetValue(tolerance), BufferMeters = p.GetValue(buffer) });
            var outOf = comparison.OutOfTolerance.ToList();
            foreach (var m in outOf)
            {
                context.Error.WriteLine(context.Text["survey.progress.out", m.Id, m.DistanceMeters, context.Text["survey.side." + m.Side], m.LineCode]);
            }
            context.Error.WriteLine(context.Text["survey.progress.rejected", observations.MarkerRejections.Values.Sum(), observations.TrackRejections.Values.Sum()]);
            if (p.GetValue(GlobalOptions.Format) == OutputFormat.Json)
            {
                var byId = comparison.Lines.ToDictionary(l => l.Id);
                JsonOutput.Write(context.Out, new
                {
                    city = Total(comparison.City),
                    districts = comparison.Districts.Select(Total),
                    lines = comparison.Lines.Select(l => new
                    {
                        id = l.Id, code = l.Code, left = l.Left, right = l.Right,
                        length_m = Math.Round(l.LengthMeters, 3), verified_m = Math.Round(l.VerifiedMeters, 3), share = Math.Round(l.Share, 5),
                        track_points = l.TrackPoints, max_deviation_m = Round(l.MaxDeviationMeters), rms_deviation_m = Round(l.RmsDeviationMeters), markers = l.Markers,
                    }),
                    lines_to_walk = comparison.LinesToWalk.Select(id => new { id, code = byId[id].Code, share = Math.Round(byId[id].Share, 5), remaining_m = Math.Round(byId[id].LengthMeters - byId[id].VerifiedMeters, 3) }),
                    markers = comparison.Markers.Select(m => new
                    {
                        id = m.Id, line = m.LineId, line_code = m.LineCode, distance_m = Round(m.DistanceMeters), side = m.Side, within_tolerance = m.WithinTolerance,
                    }),
                    tolerance_m = p.GetValue(tolerance),
                    metric_crs = comparison.MetricCrs.ToString(),
                });
            }
            else
            {
                var c = comparison.City;
                context.Out.WriteLine(context.Text["survey.progress.city", c.VerifiedMeters / 1000, c.LengthMeters / 1000, c.Share, c.Lines, comparison.LinesToWalk.Length]);
                foreach (var d in comparison.Districts)
                {
                    context.Out.WriteLine(context.Text["survey.progress.district", d.Code, d.VerifiedMeters / 1000, d.LengthMeters / 1000, d.Share, d.Lines]);
                }
                context.Out.WriteLine(context.Text["survey.progress.markers", comparison.Markers.Length, outOf.Count, p.GetValue(tolerance)]);
            }
            return outOf.Count > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Reads the divisions and the survey, and compares them (shared with <c>survey registers</c>).</summary>
    internal static (Geo.Model.DivisionSet Set, SurveyComparison Comparison, SurveyObservations Observations) Load(CliContext context, ParseResult p,
        Option<string> boundaries, Option<string[]> survey, Option<string?> crs, InputOptions inputOptions, ComparisonOptions options)
    {
        var set = DivisionImporter.Import(p.GetValue(boundaries)!, inputOptions.ReadOptions(p), inputOptions.FromCrs(p)).In(CrsCode.Cgcs2000);
        var paths = p.GetValue(survey)!;
        foreach (var path in paths)
        {
            context.Progress("survey.reading", path);
        }
        var observations = SurveyObservationReader.Read(paths, p.GetValue(crs) is { } c ? CrsCode.Parse(c) : null);
        return (set, SurveyComparer.Compare(set, observations, options), observations);
    }

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 4) : null;

    private static object Total(ProgressTotal t) => new
    {
        code = t.Code, lines = t.Lines, length_m = Math.Round(t.LengthMeters, 3), verified_m = Math.Round(t.VerifiedMeters, 3),
        share = Math.Round(t.Share, 5), markers_out_of_tolerance = t.MarkersOutOfTolerance,
    };
}
