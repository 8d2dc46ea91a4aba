using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Locate;
using Boundaries.Viewer.Api;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries locate --boundaries FILE --lon X --lat Y [--crs] [--at] [--sigma] [--distance]</c>: the chain of
/// divisions holding one point; or <c>--input POINTS.csv --output OUT.csv</c>: every point of a CSV (id,x,y), streamed,
/// located on all cores, with one code column per level and on_boundary added.
/// </summary>
internal static class LocateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var boundaries = new Option<string>("--boundaries") { Description = "division file: .gpkg .geojson .shp .csv, or through GDAL .dxf .kml .tab .mif .gdb … / 区划文件", Required = true };
        var lon = new Option<double?>("--lon") { Description = "longitude (or easting in --crs) / 经度" };
        var lat = new Option<double?>("--lat") { Description = "latitude (or northing) / 纬度" };
        var crs = new Option<string?>("--crs") { Description = "system of the point(s): EPSG:n, gcj02 or bd09 (default EPSG:4490) / 点坐标系" };
        var at = new Option<string?>("--at") { Description = "date YYYY-MM-DD: the divisions in force that day (default: latest) / 日期" };
        var sigma = new Option<double?>("--sigma") { Description = "the point's uncertainty in metres: flags boundaries within it / 点位中误差（米）" };
        var distance = new Option<bool>("--distance") { Description = "add the distance to the nearest boundary line / 输出到最近界线的距离" };
        var input = new Option<string?>("--input") { Description = "CSV of points with columns id,x,y / 点位 CSV" };
        var outputFile = new Option<string?>("--output", "-o") { Description = "CSV to write: the input plus a code column per level and on_boundary / 输出 CSV" };
        var read = new InputOptions();
        var command = new Command("locate", "Find the divisions holding points / 查询点位所属区划") { boundaries, lon, lat, crs, at, sigma, distance, input, outputFile };
        read.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var pointCrs = p.GetValue(crs) is { } c ? CrsCode.Parse(c) : CrsCode.Cgcs2000;
            DateOnly? day = p.GetValue(at) is { } a ? DateOnly.ParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            var (inPath, outPath) = (p.GetValue(input), p.GetValue(outputFile));
            var (x, y) = (p.GetValue(lon), p.GetValue(lat));
            if ((inPath is null) == (x is null || y is null) || (inPath is null) != (outPath is null))
            {
                context.Error.WriteLine(context.Text["error.usage", context.Text["locate.usage"]]);
                return ExitCodes.Usage;
            }
            var divisions = DivisionImporter.Import(p.GetValue(boundaries)!, read.ReadOptions(p), read.FromCrs(p)).In(CrsCode.Cgcs2000).Divisions;
            var locator = DivisionLocator.Build(divisions);
            if (inPath is not null)
            {
                return LocateFile(context, locator, inPath, outPath!, new PointCsvOptions { Crs = pointCrs, At = day, SourceName = inPath }, read.Limits.Limits(p));
            }
            var query = new LocateQueryOptions { Crs = pointCrs, At = day, SigmaMeters = p.GetValue(sigma), IncludeDistance = p.GetValue(distance) };
            var answer = LocateAnswer.From(locator.Locate(x!.Value, y!.Value, query), x.Value, y.Value, pointCrs);
            if (p.GetValue(GlobalOptions.Format) == OutputFormat.Json)
            {
                context.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(answer, ViewerJson.Indented));
            }
            else
            {
                LocateText.Write(context, answer);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static int LocateFile(CliContext context, DivisionLocator locator, string inPath, string outPath, PointCsvOptions options, Geo.Formats.ImportLimits limits)
    {
        var watch = Stopwatch.StartNew();
        var full = Path.GetFullPath(outPath);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        long count;
        try
        {
            using (var file = new FileStream(inPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            using (var source = new Geo.Formats.ImportLimitStream(file, limits, inPath, countLines: true))
            using (var target = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                count = PointCsvLocator.LocateAsync(locator, source, target, options).GetAwaiter().GetResult();
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        context.Error.WriteLine(context.Text["locate.wrote", full, count, seconds.ToString("0.00", CultureInfo.InvariantCulture),
            (count / Math.Max(seconds, 1e-9) / 1e6).ToString("0.00", CultureInfo.InvariantCulture)]);
        return ExitCodes.Ok;
    }
}
