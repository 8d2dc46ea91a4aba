using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries enclaves find|plan|apply</c>: detect every class of enclave, plan their resolution, apply the plan.
/// Also holds what the three verbs share: reading the divisions and the detection options.
/// </summary>
internal static class EnclavesCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("enclaves", "Find, plan and resolve enclaves (飞地) / 飞地识别、方案与调整")
        {
            EnclavesFindCommand.Create(output, error),
            EnclavesPlanCommand.Create(output, error),
            EnclavesApplyCommand.Create(output, error),
        };

    /// <summary>The detection options every verb takes.</summary>
    internal sealed class Detection
    {
        public Argument<string> Input { get; } = new("FILE") { Description = "division file / 区划文件" };
        public Option<double?> NeckWidth { get; } = new("--neck-width") { Description = "report lobes joined through a neck narrower than M metres / 颈部宽度阈值（米）" };
        public Option<string?> Management { get; } = new("--management") { Description = "management zones (a division file whose codes are the managing units) or address points with a 'manager' property (GeoJSON, e.g. CITY.layers.geojson) / 管理区图层或带管理单位的地址点" };
        public Option<string?> Roads { get; } = new("--roads") { Description = "road (and river) lines, GeoJSON lon/lat, e.g. CITY.layers.geojson: report parts not reachable along roads / 道路图层（GeoJSON）" };
        public InputOptions InputOptions { get; } = new();

        public void AddTo(Command command)
        {
            command.Add(Input);
            command.Add(NeckWidth);
            command.Add(Management);
            command.Add(Roads);
            InputOptions.AddTo(command);
        }

        public (DivisionSet Set, EnclaveOptions Options) Read(ParseResult p)
        {
            // --level picks the level to examine; it does not relabel the features (levels come from the file or the codes).
            var set = DivisionImporter.Import(p.GetValue(Input)!, InputOptions.ReadOptions(p) with { Level = null }, InputOptions.FromCrs(p)).In(CrsCode.Cgcs2000);
            var options = EnclaveOptions.Default with { NeckWidthMeters = p.GetValue(NeckWidth) };
            if (p.GetValue(InputOptions.Level) is { } level)
            {
                options = options with { Level = DivisionLevels.Parse(level) };
            }
            if (p.GetValue(Roads) is { } roadsPath)
            {
                options = options with { Roads = Geo.Synthesis.ScoringLayersJson.ReadLines(roadsPath) };
            }
            if (p.GetValue(Management) is { } pointsPath && Geo.Synthesis.ScoringLayersJson.IsPointFile(pointsPath))
            {
                options = options with { ManagementPoints = [.. Geo.Synthesis.ScoringLayersJson.ReadManagedPoints(pointsPath).Select(m => new ManagedPoint(m.Location, m.Manager))] };
            }
            else if (p.GetValue(Management) is { } managementPath)
            {
                var zones = DivisionImporter.Import(managementPath, Geo.Formats.DivisionReadOptions.Default, null).In(CrsCode.Cgcs2000);
                options = options with { ManagementZones = [.. zones.Divisions.Select(d => new ManagementZone(d.Geometry, d.Code))] };
            }
            return (set, options);
        }
    }
}
