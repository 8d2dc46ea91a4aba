using System.CommandLine;
using System.Globalization;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Crs;
using Boundaries.Survey.Model;
using Boundaries.Survey.Output;
using Boundaries.Survey.Quality;
using Boundaries.Survey.Reading;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries survey import FILE… [--output OUT.gpkg] [--points]</c>: reads survey files (NMEA, GPX, RTKLIB, CASS,
/// CSV, GSI, RW5, KML through GDAL) and reports, per file, the accepted points, every rejected line with its reason, and the counts by
/// fix quality; writes the points to the survey_points layer of a GeoPackage. Files are streamed (constant memory)
/// unless <c>--points</c> asks for the points on stdout.
/// </summary>
internal static class SurveyImportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("FILE") { Description = "survey files: NMEA, GPX, RTKLIB .pos, CASS .dat, CSV, GSI, RW5, KML (through GDAL) / 测量数据文件", Arity = ArgumentArity.OneOrMore };
        var target = new Option<string?>("--output", "-o") { Description = "write the points to this GeoPackage (survey_points layer) / 写出 GeoPackage" };
        var points = new Option<bool>("--points") { Description = "list the points themselves in the result / 输出点位明细" };
        var accept = new Option<bool>("--accept-bad-checksums") { Description = "use NMEA sentences with a bad checksum, with a warning / 校验和错误的语句照常使用并告警" };
        var startDate = new Option<DateOnly?>("--start-date") { Description = "UTC date of the first epoch of a GGA-only log (yyyy-mm-dd) / 仅含 GGA 的日志起始日期" };
        var notBefore = new Option<DateOnly?>("--not-before") { Description = "GPS week roll-over: dates before this move forward 1024 weeks (default 2000-01-01) / GPS 周翻转修复界限" };
        var crs = new Option<string?>("--crs") { Description = "coordinate system of grid files (CASS, CSV): EPSG:n / 坐标文件的坐标系" };
        var policyOption = new Option<string?>("--policy") { Description = "apply a quality gate: marker (RTK fixed, σ ≤ 5 cm) or line (walked line: fixed or float); only accepted points are listed and written / 质量门限：marker（界桩）或 line（踏勘轨迹）" };
        policyOption.AcceptOnlyFromAmong("marker", "line");
        var dryRun = new Option<bool>("--dry-run") { Description = "read and report, write nothing / 只检查不写出" };
        var command = new Command("import", "Read GNSS and survey files, report every rejected line / 导入测量数据")
        {
            files, target, points, accept, startDate, notBefore, crs, dryRun, policyOption,
        };
        var limits = new ImportLimitOptions();
        limits.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var options = new SurveyReadOptions
            {
                Limits = limits.Limits(p),
                Checksum = p.GetValue(accept) ? ChecksumPolicy.AcceptWithWarning : ChecksumPolicy.Reject,
                StartDate = p.GetValue(startDate),
                GpsWeekRolloverCutoff = p.GetValue(notBefore) ?? new DateOnly(2000, 1, 1),
                Crs = p.GetValue(crs) is { } c ? CrsCode.Parse(c) : null,
            };
            var outPath = p.GetValue(dryRun) ? null : p.GetValue(target);
            var withPoints = p.GetValue(points);
            var policyName = p.GetValue(policyOption);
            var policy = policyName switch { "marker" => AcceptancePolicy.Marker, "line" => AcceptancePolicy.LineWalk, _ => null };
            var reports = new List<SurveyImportReport>();
            SurveyGeoPackageWriter? writer = null;
            try
            {
                foreach (var path in p.GetValue(files)!)
                {
                    context.Progress("survey.reading", path);
                    var format = SurveyReader.DetectFormat(path);
                    var read = options with { Format = format };
                    ImportResult result;
                    var gate = policy is null ? null : new SortedDictionary<RejectionReason, long>();
                    long accepted = 0;
                    if (withPoints)
                    {
                        result = SurveyReader.Read(path, read);
                        if (policy is not null)
                        {
                            var report = QualityGate.Apply(result.Batch.Points, policy);
                            foreach (var (reason, count) in report.RejectedByReason)
                            {
                                gate![reason] = count;
                            }
                            accepted = report.Accepted.Length;
                            result = result with { Batch = result.Batch with { Points = report.Accepted } };
                        }
                        writer = Write(writer, outPath, result, result.Batch.Points);
                    }
                    else
                    {
                        // stream: points go straight to the GeoPackage (or are only counted)
                        var pending = new List<SurveyPoint>();
                        result = SurveyReader.Read(path, point =>
                        {
                            if (policy?.Check(point) is { } reason)
                            {
                                gate![reason] = gate.GetValueOrDefault(reason) + 1;
                                return;
                            }
                            accepted++;
                            if (outPath is not null)
                            {
                                pending.Add(point);
                                if (pending.Count >= 4096)
                                {
                                    FlushPending(ref writer, outPath, format, options, path, pending);
                                }
                            }
                        }, read);
                        writer = Write(writer, outPath, result, pending);
                    }
                    var fileReport = SurveyImportReport.Of(result, withPoints);
                    if (policy is not null)
                    {
                        fileReport = fileReport with
                        {
                            Quality = new SurveyImportGate(policyName!, accepted, gate!.Values.Sum(), gate.ToDictionary(kv => SurveyNames.Of(kv.Key), kv => kv.Value)),
                        };
                        context.Error.WriteLine(context.Text["survey.import.gate", path, policyName!, accepted, gate.Values.Sum(),
                            string.Join(", ", gate.Select(kv => $"{SurveyNames.Of(kv.Key)} {kv.Value}"))]);
                    }
                    reports.Add(fileReport);
                    WriteIssues(context, path, result);
                }
                writer?.Complete();
            }
            finally
            {
                writer?.Dispose();
            }
            var summary = new SurveyImportSummary(reports, outPath, writer?.Count ?? 0);
            if (p.GetValue(GlobalOptions.Format) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, summary);
            }
            else
            {
                foreach (var r in reports)
                {
                    context.Out.WriteLine(context.Text["survey.import.file", r.File, r.Points, r.RejectedCount,
                        string.Join(", ", r.ByQuality.Select(kv => $"{kv.Key} {kv.Value}"))]);
                }
            }
            if (outPath is not null)
            {
                context.Error.WriteLine(context.Text["survey.import.wrote", outPath, summary.Written]);
            }
            return reports.Any(r => r.RejectedCount > 0) ? ExitCodes.Findings : ExitCodes.Ok;
        }));
        return command;
    }

    private static void FlushPending(ref SurveyGeoPackageWriter? writer, string outPath, SurveyFormat format, SurveyReadOptions options, string path, List<SurveyPoint> pending)
    {
        // The batch system is known from the format before the result exists: GNSS formats are lon/lat.
        var crs = format is SurveyFormat.Nmea or SurveyFormat.Gpx or SurveyFormat.RtklibPos or SurveyFormat.Kml ? CrsCode.Wgs84 : options.Crs;
        writer ??= SurveyGeoPackageWriter.Create(outPath, crs);
        writer.CheckCrs(crs, path);
        foreach (var point in pending)
        {
            writer.Add(path, point);
        }
        pending.Clear();
    }

    private static SurveyGeoPackageWriter? Write(SurveyGeoPackageWriter? writer, string? outPath, ImportResult result, IReadOnlyList<SurveyPoint> pointsToWrite)
    {
        if (outPath is null)
        {
            return writer;
        }
        writer ??= SurveyGeoPackageWriter.Create(outPath, result.Batch.Crs);
        writer.CheckCrs(result.Batch.Crs, result.Batch.Source);
        foreach (var point in pointsToWrite)
        {
            writer.Add(result.Batch.Source, point);
        }
        if (pointsToWrite is List<SurveyPoint> list)
        {
            list.Clear();
        }
        return writer;
    }

    private static void WriteIssues(CliContext context, string path, ImportResult result)
    {
        foreach (var issue in result.Issues.Where(i => i.Severity != IssueSeverity.Info))
        {
            context.Error.WriteLine(context.Text[issue.Severity == IssueSeverity.Error ? "survey.import.rejected" : "survey.import.warning",
                path, issue.Line.ToString(CultureInfo.InvariantCulture), issue.Message]);
        }
        if (result.Counts.IssuesNotKept > 0)
        {
            context.Error.WriteLine(context.Text["survey.import.more", path, result.Counts.IssuesNotKept]);
        }
    }
}
