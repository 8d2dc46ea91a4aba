using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Import;
using Boundaries.Geo.Normalize;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries normalize IN [OUT]</c>: snap to the 1 mm Gauss-Krüger grid, repair invalid polygons, report every
/// change; writes CGCS2000 lon/lat to OUT when given.
/// </summary>
internal static class NormalizeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("IN") { Description = "input file / 输入文件" };
        var target = new Argument<string?>("OUT") { Description = "output file (optional) / 输出文件（可选）", Arity = ArgumentArity.ZeroOrOne };
        var inputOptions = new InputOptions();
        var command = new Command("normalize", "Snap to the 1 mm grid and repair, reporting each change / 按1毫米格网规整并修复") { input, target };
        inputOptions.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var imported = DivisionImporter.Import(p.GetValue(input)!, inputOptions.ReadOptions(p), inputOptions.FromCrs(p));
            var result = Normalizer.Normalize(imported.Set);
            if (p.GetValue(target) is { } outPath)
            {
                DivisionFiles.Write(result.Set, outPath);
            }
            if (p.GetValue(GlobalOptions.Format) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, new
                {
                    metric_crs = result.MetricCrs.ToString(),
                    divisions = result.Set.Divisions.Length,
                    changed_divisions = result.ChangedDivisions,
                    changes = result.Changes.Select(c => new
                    {
                        code = c.Code,
                        name = c.Name,
                        kind = c.Kind.ToString(),
                        detail = c.Detail,
                        measure = c.Measure,
                        location = c.Location is { } at ? new[] { at.X, at.Y } : null,
                    }),
                });
            }
            else
            {
                context.Out.WriteLine(context.Text["normalize.summary", result.Set.Divisions.Length, result.MetricCrs, result.ChangedDivisions, result.Changes.Length]);
                foreach (var c in result.Changes)
                {
                    context.Out.WriteLine(context.Text["normalize.change", c.Code, c.Name, NormalizeChangeText.Of(context.Text, c)]);
                }
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
