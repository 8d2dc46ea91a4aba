using System.CommandLine;
using System.Globalization;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Validation;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries enclaves apply FILE PLAN.json --effective YYYY-MM-DD --output NEW</c>: the plan's transfers made on
/// the divisions (codes unchanged, parents follow), changed divisions valid from the effective date, the result
/// validated; exit 1 when the result has error findings.
/// </summary>
internal static class EnclavesApplyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var detection = new EnclavesCommand.Detection();
        var planFile = new Argument<string>("PLAN") { Description = "plan JSON from 'enclaves plan' / 调整方案 JSON" };
        var effective = new Option<string>("--effective") { Description = "effective date YYYY-MM-DD / 生效日期", Required = true };
        var target = new Option<string>("--output", "-o") { Description = "division file to write / 输出区划文件", Required = true };
        var command = new Command("apply", "Apply an enclave plan / 执行飞地调整方案");
        detection.AddTo(command);
        command.Add(planFile);
        command.Add(effective);
        command.Add(target);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            if (!DateOnly.TryParseExact(p.GetValue(effective), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new ArgumentException(context.Text["enclaves.bad_date", p.GetValue(effective)!]);
            }
            var (set, _) = detection.Read(p);
            var path = p.GetValue(planFile)!;
            var (plan, level) = EnclaveJson.ReadPlan(File.ReadAllText(path), path);
            var (changed, applied) = EnclaveApplier.Apply(set, plan, level);
            var touched = applied.SelectMany(a => new[] { a.From, a.To! }).ToHashSet(StringComparer.Ordinal);
            var dated = changed with
            {
                Divisions = [.. changed.Divisions.Select((d, i) => ReferenceEquals(d, set.Divisions[i]) ? d : d with { ValidFrom = date })],
            };
            DivisionFiles.Write(dated, p.GetValue(target)!);
            var report = CoverageChecker.Check(dated);
            context.Error.WriteLine(context.Text["enclaves.applied", applied.Length, touched.Count, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.GetValue(target)!, report.Findings.Length]);
            return report.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
        }));
        return command;
    }
}
