using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Store;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries store push FILE --store CONN [--author … --reason … --effective DATE]</c>: loads a division file into the
/// store as one change set (transformed to EPSG:4490 first). Prints the change set's receipt.
/// </summary>
internal static class StorePushCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "a .gpkg, .geojson, .shp or .csv file, or one GDAL reads (.dxf .kml .tab .mif .gdb …) / 区划文件" };
        var store = StoreCommand.StoreOption();
        var author = new Option<string?>("--author") { Description = "who makes the change (default: the login name) / 变更人" };
        var reason = new Option<string?>("--reason") { Description = "why (default: 'import FILE') / 变更原因" };
        var effective = new Option<string?>("--effective") { Description = "first day in force, YYYY-MM-DD (default: each division's valid_from) / 生效日期" };
        var input = new InputOptions();
        var command = new Command("push", "Load a division file into the store / 将区划文件写入区划库") { file, store, author, reason, effective };
        input.AddTo(command);
        command.SetAction(parse => StoreCommand.Run(parse, output, error, store, (context, s) =>
        {
            var path = parse.GetValue(file)!;
            var date = parse.GetValue(effective) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null;
            context.Progress("convert.reading", path);
            var set = DivisionImporter.Import(path, input.ReadOptions(parse), input.FromCrs(parse)).In(CrsCode.Cgcs2000);
            context.Progress("store.writing", set.Divisions.Length, s.Location);
            var info = new ChangeSetInfo(parse.GetValue(author) ?? Environment.UserName, parse.GetValue(reason) ?? $"import {Path.GetFileName(path)}", date);
            var receipt = s.ImportAsync(set, info).GetAwaiter().GetResult();
            if (parse.GetValue(GlobalOptions.Format) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, receipt);
            }
            else
            {
                context.Out.WriteLine(context.Text["store.receipt", receipt.ChangeSetId, receipt.Created, receipt.Replaced, receipt.Retired, receipt.Unchanged]);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
