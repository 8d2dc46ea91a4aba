using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Geo.Topology;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries topology FILE --output OUT.gpkg</c>: boundary lines stored once with left and right codes, nodes and
/// tri-junctions, per level, written as GeoPackage layers <c>lines</c> and <c>nodes</c>, or as one GeoJSON collection.
/// </summary>
internal static class TopologyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("FILE") { Description = "division file (a clean coverage) / 区划文件（应已清理）" };
        var target = new Option<string>("--output", "-o") { Description = "GeoPackage (layers lines, nodes) or GeoJSON (one collection, property layer) to write / 输出 GeoPackage 或 GeoJSON", Required = true };
        var inputOptions = new InputOptions();
        var command = new Command("topology", "Build boundary lines and nodes / 构建界线与节点") { input, target };
        inputOptions.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var set = DivisionImporter.Import(p.GetValue(input)!, inputOptions.ReadOptions(p), inputOptions.FromCrs(p)).In(CrsCode.Cgcs2000);
            var topology = EdgeTopology.Build(set);
            var outPath = p.GetValue(target)!;
            if (outPath.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) || outPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                TopologyGeoJsonWriter.Write(topology, outPath);
            }
            else
            {
                TopologyGeoPackageWriter.Write(topology, outPath);
            }
            if (topology.ConflictingSides > 0)
            {
                context.Error.WriteLine(context.Text["topology.conflicts", topology.ConflictingSides]);
            }
            if (p.GetValue(GlobalOptions.Format) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, new
                {
                    lines = topology.Lines.Length,
                    nodes = topology.Nodes.Length,
                    tri_junctions = topology.TriJunctions.Count(),
                    adjacencies = topology.Adjacencies.Select(a => new { level = a.Level.Name(), a = a.A, b = a.B, shared_length_m = Math.Round(a.SharedLengthMeters, 3), lines = a.Lines }),
                    conflicting_sides = topology.ConflictingSides,
                });
            }
            else
            {
                context.Out.WriteLine(context.Text["topology.summary", topology.Lines.Length, topology.Nodes.Length, topology.TriJunctions.Count(), topology.Adjacencies.Length, outPath]);
                foreach (var level in DivisionLevels.All)
                {
                    var lines = topology.Lines.Count(l => l.Level == level);
                    if (lines > 0)
                    {
                        context.Out.WriteLine(context.Text["topology.level", level.Name(), lines, topology.Nodes.Count(n => n.Level == level),
                            topology.TriJunctions.Count(n => n.Level == level)]);
                    }
                }
            }
            return topology.ConflictingSides > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        }));
        return command;
    }
}
