using System.CommandLine;
using System.Globalization;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using Boundaries.Geo.Validation;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries enclaves apply FILE PLAN.json --effective YYYY-MM-DD --output NEW [--store CONN --author A --reason R] [--report out.html]</c>:
/// the plan's transfers made on the divisions (codes unchanged, parents follow), changed divisions valid from the
/// effective date, the result validated against the input: error findings the input did not have are the plan's
/// (exit 1, and the store is not written); defects already in the input are counted, not blamed on the plan. With
/// <c>--store</c> every changed division replaces its version in force on the effective date, and a division the plan
/// ends (merged into its host) has its version closed on that date, as one change set.
/// </summary>
internal static class EnclavesApplyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var detection = new EnclavesCommand.Detection();
        var planFile = new Argument<string>("PLAN") { Description = "plan JSON from 'enclaves plan' / 调整方案 JSON" };
        var effective = new Option<string>("--effective") { Description = "effective date YYYY-MM-DD / 生效日期", Required = true };
        var target = new Option<string>("--output", "-o") { Description = "division file to write / 输出区划文件", Required = true };
        var store = new Option<string?>("--store") { Description = "also apply the changed divisions to this store (.gpkg or connection string) as one change set / 将变更写入区划库" };
        var author = new Option<string?>("--author") { Description = "who makes the change (default: the login name) / 变更人" };
        var reason = new Option<string?>("--reason") { Description = "why, e.g. the approval document (default: 'enclave plan PLAN') / 变更原因（批准文件）" };
        var report = EnclavesReportOption.Create();
        var command = new Command("apply", "Apply an enclave plan / 执行飞地调整方案");
        detection.AddTo(command);
        command.Add(planFile);
        command.Add(effective);
        command.Add(target);
        command.Add(store);
        command.Add(author);
        command.Add(reason);
        command.Add(report);
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
            // a division object the applier did not replace is unchanged; a merge removes one (the list is shorter then)
            var untouched = new HashSet<Division>(set.Divisions, ReferenceEqualityComparer.Instance);
            var dated = changed with
            {
                Divisions = [.. changed.Divisions.Select(d => untouched.Contains(d) ? d : d with { ValidFrom = date })],
            };
            var changedDivisions = dated.Divisions.Where((d, i) => !untouched.Contains(changed.Divisions[i])).ToList();
            var outPath = p.GetValue(target)!;
            DivisionFiles.Write(dated, outPath);
            var dateText = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var after = CoverageChecker.Check(dated);
            var newErrors = NewErrors(CoverageChecker.Check(set), after);
            context.Error.WriteLine(context.Text["enclaves.applied", applied.Length, changedDivisions.Count, dateText, outPath, after.Findings.Length]);
            var carried = applied.SelectMany(a => a.Score.Carried).ToList();
            // divisions the plan ends (a surrounded division merged into its host): gone from the result, not renamed
            var renamedFrom = carried.Where(k => k.Kind == ChildChangeKind.Moved).Select(k => k.OldCode).ToHashSet(StringComparer.Ordinal);
            var remaining = dated.Divisions.Select(d => (d.Level, d.Code)).ToHashSet();
            var retired = set.Divisions.Where(d => !remaining.Contains((d.Level, d.Code)) && !renamedFrom.Contains(d.Code)).ToList();
            foreach (var d in retired)
            {
                var into = applied.FirstOrDefault(a => a.Kind == ResolutionKind.Merge && a.From == d.Code)?.To ?? "—";
                context.Error.WriteLine(context.Text["enclaves.retired", d.Level.Name(), d.Code, into]);
            }
            foreach (var k in carried)
            {
                context.Error.WriteLine(context.Text["enclaves.carried", k.Level.Name(), k.OldCode, k.NewCode,
                    context.Text[k.Kind == ChildChangeKind.Moved ? "enclaves.carried.moved" : "enclaves.carried.merged"], k.NewParent]);
            }
            if (p.GetValue(report) is { } reportPath)
            {
                EnclavesReportOption.Write(context, reportPath, set, applied, date, p.GetValue(detection.Input)!, EnclaveJson.MarkersScored(File.ReadAllText(path)));
            }
            long? changeSet = null;
            var exit = newErrors.Count > 0 ? ExitCodes.Findings : ExitCodes.Ok;
            if (newErrors.Count > 0)
            {
                context.Error.WriteLine(context.Text["enclaves.new_errors", newErrors.Count, string.Join("; ", newErrors.Take(5).Select(f => f.Message))]);
            }
            else if (p.GetValue(store) is { } connection && changedDivisions.Count + retired.Count > 0)
            {
                var renamed = carried.Where(k => k.Kind == ChildChangeKind.Moved).ToDictionary(k => k.NewCode, k => k.OldCode, StringComparer.Ordinal);
                var written = StoreReplacements.Write(context, connection, changedDivisions, p.GetValue(author) ?? Environment.UserName,
                    p.GetValue(reason) ?? $"enclave plan {Path.GetFileName(path)}", date,
                    (code, location) => context.Text["enclaves.not_stored", code, location, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)], renamed,
                    [.. retired.Select(d => d.Code)]);
                exit = written.Exit;
                changeSet = written.Id;
            }
            if (p.GetValue(GlobalOptions.Format) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, new
                {
                    output = outPath,
                    effective = dateText,
                    applied = applied.Select(a => new { finding = a.Finding, from = a.From, to = a.To, area_m2 = Math.Round(a.Score.AreaMovedSquareMeters, 2) }),
                    changed = changedDivisions.Select(d => new { code = d.Code, level = d.Level.ToString().ToLowerInvariant() }),
                    retired = retired.Select(d => new { code = d.Code, level = d.Level.ToString().ToLowerInvariant() }),
                    child_changes = EnclaveJson.ChildChanges(carried),
                    findings_after = after.Findings.Length,
                    new_errors = newErrors.Select(f => new { code = f.Code.ToString(), divisions = f.Divisions, message = f.Message }),
                    change_set = changeSet,
                });
            }
            return exit;
        }));
        return command;
    }

    /// <summary>Error findings of <paramref name="after"/> beyond those of <paramref name="before"/> (same finding code and divisions, counted).</summary>
    private static List<Finding> NewErrors(ValidationReport before, ValidationReport after)
    {
        static string Key(Finding f) => f.Code + "|" + string.Join(",", f.Divisions);
        var existing = before.Findings.Where(f => f.Severity == Severity.Error).GroupBy(Key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<Finding>();
        foreach (var f in after.Findings.Where(f => f.Severity == Severity.Error))
        {
            var key = Key(f);
            if (existing.GetValueOrDefault(key) > 0)
            {
                existing[key]--;
            }
            else
            {
                result.Add(f);
            }
        }
        return result;
    }
}
