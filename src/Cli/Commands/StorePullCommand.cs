using System.CommandLine;
using System.Globalization;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries store pull --store CONN --output FILE [--at YYYY-MM-DD]</c>: writes the divisions in force on a day
/// (default today) to a file, atomically.
/// </summary>
internal static class StorePullCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var store = StoreCommand.StoreOption();
        var target = new Option<string>("--output", "-o") { Description = "output file (.gpkg, .geojson, .csv) / 输出文件", Required = true };
        var at = new Option<string?>("--at") { Description = "the day, YYYY-MM-DD (default today) / 日期" };
        var command = new Command("pull", "Write the divisions in force on a day to a file / 导出某日有效的区划") { store, target, at };
        command.SetAction(parse => StoreCommand.Run(parse, output, error, store, (context, s) =>
        {
            var day = parse.GetValue(at) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.UtcNow);
            var stored = s.GetDivisionsAsync(day).GetAwaiter().GetResult();
            var path = parse.GetValue(target)!;
            DivisionFiles.Write(new DivisionSet([.. stored.Select(d => d.Division)], CrsCode.Cgcs2000), path);
            context.Error.WriteLine(context.Text["store.pulled", path, stored.Length, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
