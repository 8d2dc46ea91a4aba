using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Formats;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries enclaves plan FILE [--max-area-change M2] [--max-net-people N] [--corridor-max M] [--corridor-width M]
/// [--merge-surrounded] [--follow-tolerance M] [--frozen C,…] [--keep C,…] [--roads R] [--management M]
/// [--markers FILE --marker-tolerance M --marker-weight W] --output PLAN.json</c>:
/// one resolution per finding under the constraints, minimising total disruption. The layers serve detection and scoring:
/// people, households and facilities moved (address and facility points of --management) and the share of new boundary
/// following a road or river (--roads) are in the plan and its cost; so are the markers (界桩) that would have to move
/// (--markers, or the input GeoPackage's markers layer).
/// </summary>
internal static class EnclavesPlanCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var detection = new EnclavesCommand.Detection();
        var maxArea = new Option<double?>("--max-area-change") { Description = "largest net area change of any division, m² / 单个区划面积净变化上限（平方米）" };
        var maxPeople = new Option<int?>("--max-net-people") { Description = "largest net population change of any division (address points) / 单个区划人口净变化上限" };
        var corridorMax = new Option<double>("--corridor-max") { Description = "join a detached part to its main part by a corridor when the gap is at most M metres (0 = no corridors) / 走廊连接的最大间距（米，0 为不使用）", DefaultValueFactory = _ => 200 };
        var corridorWidth = new Option<double>("--corridor-width") { Description = "corridor width, metres / 走廊宽度（米）", DefaultValueFactory = _ => 20 };
        var merge = new Option<bool>("--merge-surrounded") { Description = "offer merging a surrounded division into the one around it / 允许将被包围的区划并入包围它的区划" };
        var follow = new Option<double?>("--follow-tolerance") { Description = "move an option's new boundary onto a road or river within M metres (needs --roads) / 新界线沿道路或河流调整的容差（米）" };
        var frozen = new Option<string?>("--frozen") { Description = "codes that may not change, comma-separated / 不得调整的区划" };
        var keep = new Option<string?>("--keep") { Description = "owners whose enclaves stay as they are / 保留飞地的区划" };
        var markers = new Option<string?>("--markers") { Description = "boundary markers: GeoJSON points, CSV with number,lon,lat, a GeoPackage with a 'markers' layer (a store), or a PostGIS store's connection string; by default the input GeoPackage's own 'markers' layer when it has one / 界桩：GeoJSON、CSV、GeoPackage 或 PostGIS 区划库（默认取输入 GeoPackage 的 markers 图层）" };
        var markerTolerance = new Option<double>("--marker-tolerance") { Description = "a marker within M metres of a removed or re-drawn stretch of boundary would have to move (default 1) / 界桩需迁移的距离容差（米）", DefaultValueFactory = _ => 1 };
        var markerWeight = new Option<double>("--marker-weight") { Description = "cost added per marker that would have to move (default 0.5, as half a hectare moved) / 每个需迁移界桩计入的代价", DefaultValueFactory = _ => 0.5 };
        var target = new Option<string>("--output", "-o") { Description = "plan JSON to write / 输出方案 JSON", Required = true };
        var report = EnclavesReportOption.Create();
        var command = new Command("plan", "Plan the resolution of every enclave / 制定飞地调整方案") { maxArea, maxPeople, corridorMax, corridorWidth, merge, follow, frozen, keep, markers, markerTolerance, markerWeight, target, report };
        detection.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var (set, options) = detection.Read(p);
            var findings = EnclaveFinder.Find(set, options);
            var constraints = new PlanConstraints
            {
                MaxNetAreaChangeSquareMeters = p.GetValue(maxArea),
                MaxNetPeopleChange = p.GetValue(maxPeople),
                Frozen = [.. Codes(p.GetValue(frozen))],
                Keep = [.. Codes(p.GetValue(keep))],
            };
            // CP-SAT; greedy when OR-Tools' native library does not load (the plan's solver says which)
            // --roads (roads and rivers) and --management (address points, facilities) also score the options
            var pointsPath = p.GetValue(detection.Management) is { } m && Geo.Synthesis.ScoringLayersJson.IsPointFile(m) ? m : null;
            var roadsPath = p.GetValue(detection.Roads);
            var inputs = roadsPath is null && pointsPath is null ? null : ScoringInputsJson.Read(roadsPath, pointsPath);
            // markers: --markers (a file, a GeoPackage store, or a PostGIS store's connection string), else the input
            // GeoPackage's own markers layer (a city file holding them)
            var inputPath = p.GetValue(detection.Input)!;
            var markersPath = p.GetValue(markers);
            var markerList = markersPath is null ? MarkerLayer.InGeoPackage(inputPath)
                : StoreMarkers.IsConnection(markersPath) ? StoreMarkers.Read(markersPath) : MarkerLayer.Read(markersPath);
            markersPath ??= inputPath;
            if (p.GetValue(markerTolerance) is not (>= 0 and var tolerance) || !double.IsFinite(tolerance))
            {
                throw new ArgumentException("--marker-tolerance: a number of metres ≥ 0 / 容差应为不小于 0 的米数");
            }
            if (p.GetValue(markerWeight) is not (>= 0 and var weight) || !double.IsFinite(weight))
            {
                throw new ArgumentException("--marker-weight: a number ≥ 0 / 代价应为不小于 0 的数");
            }
            if (markerList is { Length: > 0 } found)
            {
                inputs = (inputs ?? new ScoringInputs()) with { Markers = found, MarkerToleranceMeters = tolerance, MarkerWeight = weight };
            }
            var settings = ResolverSettings.Default with
            {
                CorridorMaxMeters = p.GetValue(corridorMax) is > 0 and var c ? c : null,
                CorridorWidthMeters = p.GetValue(corridorWidth),
                MergeSurrounded = p.GetValue(merge),
                FollowToleranceMeters = p.GetValue(follow),
            };
            var plan = Boundaries.Plan.PlanSolvers.Plan(EnclaveResolver.Options(set, findings, inputs, settings), constraints);
            var outPath = p.GetValue(target)!;
            AtomicFile.WriteText(outPath, EnclaveJson.Plan(plan, findings, inputs));
            if (p.GetValue(report) is { } reportPath)
            {
                EnclavesReportOption.Write(context, reportPath, set, plan.Choices, null, p.GetValue(detection.Input)!, inputs is { Markers.Length: > 0 });
            }
            if (inputs is { Markers.Length: > 0 })
            {
                context.Error.WriteLine(context.Text["enclaves.markers", inputs.Markers.Length, markersPath, tolerance, weight,
                    plan.Choices.Sum(c => c.Score.MarkersMoved.Length)]);
            }
            var transfers = plan.Choices.Count(c => c.Kind != ResolutionKind.Keep);
            context.Error.WriteLine(context.Text["enclaves.planned", transfers, findings.Length, plan.Solver, plan.TotalCost, outPath]);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static IEnumerable<string> Codes(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
