using System.CommandLine;
using System.Globalization;
using Boundaries.Cli.Infrastructure;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries store history CODE --store CONN</c>: the versions of a division, or of a boundary line (a line code such as
/// <c>120101001/120101002</c>), with the change sets between them.
/// </summary>
internal static class StoreHistoryCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var code = new Argument<string>("CODE") { Description = "division or line code / 区划或界线代码" };
        var store = StoreCommand.StoreOption();
        var command = new Command("history", "Versions of a division and the change sets between them / 区划的历次版本与变更") { code, store };
        command.SetAction(parse => StoreCommand.Run(parse, output, error, store, (context, s) =>
        {
            var history = s.GetHistoryAsync(parse.GetValue(code)!).GetAwaiter().GetResult();
            if (history.Versions.IsEmpty && s.GetLineHistoryAsync(history.Code).GetAwaiter().GetResult() is { Versions.IsEmpty: false } line)
            {
                return WriteLine(context, line, parse.GetValue(GlobalOptions.Format) == OutputFormat.Json);
            }
            if (history.Versions.IsEmpty)
            {
                context.Error.WriteLine(context.Text["store.no_history", history.Code]);
                return ExitCodes.Findings;
            }
            var sets = history.ChangeSets.ToDictionary(c => c.Id);
            if (parse.GetValue(GlobalOptions.Format) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, new
                {
                    code = history.Code,
                    versions = history.Versions.Select(v => new
                    {
                        version_id = v.VersionId, name = v.Division.Name, level = v.Division.Level.ToString().ToLowerInvariant(),
                        parent = v.Division.ParentCode, valid_from = Day(v.Division.ValidFrom), valid_to = Day(v.Division.ValidTo),
                        created_by = v.CreatedBy, closed_by = v.ClosedBy,
                    }),
                    change_sets = history.ChangeSets,
                });
                return ExitCodes.Ok;
            }
            foreach (var v in history.Versions)
            {
                var opened = sets[v.CreatedBy];
                context.Out.WriteLine(context.Text["store.change_set", opened.Id, Day(opened.EffectiveDate) ?? "-", opened.Author, opened.Reason]);
                context.Out.WriteLine(context.Text["store.version", v.VersionId, Day(v.Division.ValidFrom) ?? "…", Day(v.Division.ValidTo) ?? "…", v.Division.Name]);
                if (v.ClosedBy is { } closedBy && !history.Versions.Any(w => w.CreatedBy == closedBy))
                {
                    var closed = sets[closedBy];
                    context.Out.WriteLine(context.Text["store.change_set", closed.Id, Day(closed.EffectiveDate) ?? "-", closed.Author, closed.Reason]);
                }
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static int WriteLine(CliContext context, Boundaries.Store.Lines.LineHistory history, bool json)
    {
        var sets = history.ChangeSets.ToDictionary(c => c.Id);
        if (json)
        {
            JsonOutput.Write(context.Out, new
            {
                code = history.Code,
                versions = history.Versions.Select(v => new
                {
                    version_id = v.VersionId, level = v.Line.Level.ToString().ToLowerInvariant(), left = v.Line.Left, right = v.Line.Right,
                    length_m = v.Line.LengthMeters, valid_from = Day(v.ValidFrom), valid_to = Day(v.ValidTo), created_by = v.CreatedBy, closed_by = v.ClosedBy,
                }),
                change_sets = history.ChangeSets,
            });
            return ExitCodes.Ok;
        }
        foreach (var v in history.Versions)
        {
            var opened = sets[v.CreatedBy];
            context.Out.WriteLine(context.Text["store.change_set", opened.Id, Day(opened.EffectiveDate) ?? "-", opened.Author, opened.Reason]);
            context.Out.WriteLine(context.Text["store.version", v.VersionId, Day(v.ValidFrom) ?? "…", Day(v.ValidTo) ?? "…", $"{v.Line.Left ?? "-"} | {v.Line.Right ?? "-"}"]);
            if (v.ClosedBy is { } closedBy && !history.Versions.Any(w => w.CreatedBy == closedBy))
            {
                var closed = sets[closedBy];
                context.Out.WriteLine(context.Text["store.change_set", closed.Id, Day(closed.EffectiveDate) ?? "-", closed.Author, closed.Reason]);
            }
        }
        return ExitCodes.Ok;
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
