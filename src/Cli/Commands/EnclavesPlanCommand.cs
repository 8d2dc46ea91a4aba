using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Formats;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries enclaves plan FILE [--max-area-change M2] [--frozen C,…] [--keep C,…] [--roads R] [--management M] --output PLAN.json</c>:
/// one resolution per finding under the constraints, minimising total disruption. The layers serve detection and scoring:
/// people, households and facilities moved (address and facility points of --management) and the share of new boundary
/// following a road or river (--roads) are in the plan and its cost.
/// </summary>
internal static class EnclavesPlanCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var detection = new EnclavesCommand.Detection();
        var maxArea = new Option<double?>("--max-area-change") { Description = "largest net area change of any division, m² / 单个区划面积净变化上限（平方米）" };
        var frozen = new Option<string?>("--frozen") { Description = "codes that may not change, comma-separated / 不得调整的区划" };
        var keep = new Option<string?>("--keep") { Description = "owners whose enclaves stay as they are / 保留飞地的区划" };
        var target = new Option<string>("--output", "-o") { Description = "plan JSON to write / 输出方案 JSON", Required = true };
        var report = EnclavesReportOption.Create();
        var command = new Command("plan", "Plan the resolution of every enclave / 制定飞地调整方案") { maxArea, frozen, keep, target, report };
        detection.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var (set, options) = detection.Read(p);
            var findings = EnclaveFinder.Find(set, options);
            var constraints = new PlanConstraints
            {
                MaxNetAreaChangeSquareMeters = p.GetValue(maxArea),
                Frozen = [.. Codes(p.GetValue(frozen))],
                Keep = [.. Codes(p.GetValue(keep))],
            };
            // CP-SAT; greedy when OR-Tools' native library does not load (the plan's solver says which)
            // --roads (roads and rivers) and --management (address points, facilities) also score the options
            var pointsPath = p.GetValue(detection.Management) is { } m && Geo.Synthesis.ScoringLayersJson.IsPointFile(m) ? m : null;
            var roadsPath = p.GetValue(detection.Roads);
            var inputs = roadsPath is null && pointsPath is null ? null : ScoringInputsJson.Read(roadsPath, pointsPath);
            var plan = Boundaries.Plan.PlanSolvers.Plan(EnclaveResolver.Options(set, findings, inputs), constraints);
            var outPath = p.GetValue(target)!;
            AtomicFile.WriteText(outPath, EnclaveJson.Plan(plan, findings, inputs));
            if (p.GetValue(report) is { } reportPath)
            {
                EnclavesReportOption.Write(context, reportPath, set, plan.Choices, null, p.GetValue(detection.Input)!);
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
