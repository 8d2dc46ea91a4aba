using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Import;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries convert IN OUT [--from …] [--to …]</c>: any readable format and system to any writable one.
/// The output is written atomically: a failure leaves no partial file.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("IN") { Description = "input file: .gpkg .geojson .shp .csv, or through GDAL .dxf .kml .tab .mif .gdb … / 输入文件（含 GDAL 可读格式）" };
        var target = new Argument<string>("OUT") { Description = "output file (.gpkg, .geojson, .csv) / 输出文件" };
        var to = new Option<string?>("--to") { Description = "coordinate system of the output: EPSG:n, gcj02 or bd09 (default EPSG:4490) / 输出坐标系" };
        var dryRun = new Option<bool>("--dry-run") { Description = "read and transform, write nothing / 只检查不写出" };
        var inputOptions = new InputOptions();
        var command = new Command("convert", "Convert between formats and coordinate systems / 格式与坐标系转换") { input, target, to, dryRun };
        inputOptions.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var targetCrs = p.GetValue(to) is { } text ? CrsCode.Parse(text) : CrsCode.Cgcs2000;
            var path = p.GetValue(input)!;
            context.Progress("convert.reading", path);
            var imported = DivisionImporter.Import(path, inputOptions.ReadOptions(p), inputOptions.FromCrs(p));
            var set = imported.In(targetCrs);
            var outPath = p.GetValue(target)!;
            if (!p.GetValue(dryRun))
            {
                // RFC 7946 GeoJSON is lon/lat: another system is written with a crs member so readers are not misled.
                var options = new DivisionWriteOptions { GeoJsonCrsMember = targetCrs != CrsCode.Cgcs2000 && targetCrs != CrsCode.Wgs84 };
                DivisionFiles.Write(set, outPath, options);
            }
            context.Error.WriteLine(context.Text["convert.wrote", outPath, set.Divisions.Length, targetCrs]);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
