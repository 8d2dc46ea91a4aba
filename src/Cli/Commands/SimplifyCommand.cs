using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Import;
using Boundaries.Geo.Simplify;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries simplify FILE --tolerance M --output OUT</c>: simplifies each level for publishing with shared edges kept
/// shared (NTS CoverageSimplifier in the Gauss-Krüger plane); writes CGCS2000 lon/lat.
/// </summary>
internal static class SimplifyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("FILE") { Description = "input file / 输入文件" };
        var tolerance = new Option<double>("--tolerance") { Description = "tolerance in metres / 化简容差（米）", Required = true };
        var target = new Option<string>("--output", "-o") { Description = "output file (.gpkg, .geojson, .csv) / 输出文件", Required = true };
        var inputOptions = new InputOptions();
        var command = new Command("simplify", "Simplify boundaries, keeping shared edges shared / 化简界线并保持公共边一致") { input, tolerance, target };
        inputOptions.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var imported = DivisionImporter.Import(p.GetValue(input)!, inputOptions.ReadOptions(p), inputOptions.FromCrs(p));
            var result = CoverageSimplification.Simplify(imported.Set, new SimplifyOptions { ToleranceMeters = p.GetValue(tolerance) });
            var set = result.Simplified;
            if (set.Crs != CrsCode.Cgcs2000)
            {
                var t = CoordinateTransformer.Create(set.Crs, CrsCode.Cgcs2000);
                set = new Geo.Model.DivisionSet([.. set.Divisions.Select(d => d with { Geometry = t.Transform(d.Geometry) })], CrsCode.Cgcs2000);
            }
            DivisionFiles.Write(set, p.GetValue(target)!);
            if (p.GetValue(GlobalOptions.Format) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, new
                {
                    metric_crs = result.MetricCrs.ToString(),
                    tolerance_m = p.GetValue(tolerance),
                    vertices_before = result.VerticesBefore,
                    vertices_after = result.VerticesAfter,
                });
            }
            else
            {
                context.Out.WriteLine(context.Text["simplify.summary", set.Divisions.Length, p.GetValue(tolerance), result.MetricCrs, result.VerticesBefore, result.VerticesAfter]);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
