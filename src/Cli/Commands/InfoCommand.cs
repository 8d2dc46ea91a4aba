using System.CommandLine;
using System.Globalization;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Import;

namespace Boundaries.Cli.Commands;

/// <summary><c>boundaries info FILE</c>: format, coordinate system, counts per level, extent, vertex count.</summary>
internal static class InfoCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "a .gpkg, .geojson, .shp or .csv file, or one GDAL reads (.dxf .kml .tab .mif .gdb …) / 区划文件" };
        var input = new InputOptions();
        var command = new Command("info", "Describe a division file / 查看区划文件概况") { file };
        input.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var imported = DivisionImporter.Import(p.GetValue(file)!, input.ReadOptions(p), input.FromCrs(p));
            var summary = DivisionSummary.Of(imported);
            if (p.GetValue(GlobalOptions.Format) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, summary);
            }
            else
            {
                WriteText(context, summary);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void WriteText(CliContext context, DivisionSummary s)
    {
        var t = context.Text;
        var o = context.Out;
        o.WriteLine($"{t["info.file"]}: {s.File}");
        o.WriteLine($"{t["info.format"]}: {s.Format}");
        o.WriteLine($"{t["info.crs"]}: {(s.CrsSource == "detected" ? t["info.crs_detected", s.Crs] : s.Crs)}");
        o.WriteLine($"{t["info.divisions"]}: {s.Divisions}");
        foreach (var (level, count) in s.Levels)
        {
            o.WriteLine(t["info.level", level, count]);
        }
        o.WriteLine($"{t["info.vertices"]}: {s.Vertices.ToString("N0", CultureInfo.InvariantCulture)}");
        if (s.Extent is { } e)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t["info.extent"]}: {e[0]:0.######}, {e[1]:0.######} — {e[2]:0.######}, {e[3]:0.######}"));
        }
        if (s.MetricCrs is { } gk)
        {
            o.WriteLine($"{t["info.gk"]}: {gk}");
        }
    }
}
