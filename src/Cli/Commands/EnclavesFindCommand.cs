using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Validation;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries enclaves find FILE [--level L] [--neck-width M] [--management M] --format json|geojson</c>: every
/// enclave with owner, hosts, class, order, area and geometry. Exit 0 (findings are information, not errors).
/// </summary>
internal static class EnclavesFindCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var detection = new EnclavesCommand.Detection();
        var command = new Command("find", "Find enclaves of every class / 识别各类飞地");
        detection.AddTo(command);
        command.SetAction(parse => VerbRunner.Run(parse, output, error, (context, p) =>
        {
            var (set, options) = detection.Read(p);
            var findings = EnclaveFinder.Find(set, options);
            switch (p.GetValue(GlobalOptions.Format))
            {
                case OutputFormat.Json:
                    context.Out.WriteLine(EnclaveJson.Findings(findings));
                    break;
                case OutputFormat.GeoJson:
                    context.Out.WriteLine(EnclaveJson.FindingsGeoJson(findings));
                    break;
                default:
                    var language = context.Text.Language == Language.Chinese ? ReportLanguage.Chinese : ReportLanguage.English;
                    foreach (var f in findings)
                    {
                        context.Out.WriteLine(context.Text["enclaves.finding", language == ReportLanguage.Chinese ? f.Class.ChineseName() : f.Class.Name(), f.Owner, string.Join(",", f.Hosts), f.Order, Math.Round(f.AreaSquareMeters)]);
                        // the evidence, in the reader's language
                        context.Out.WriteLine("  " + EnclaveNotes.Text(f, language));
                    }
                    break;
            }
            var counts = string.Join(", ", findings.GroupBy(f => f.Class).OrderBy(g => g.Key).Select(g => $"{(context.Text.Language == Language.Chinese ? g.Key.ChineseName() : g.Key.Name())} {g.Count()}"));
            context.Error.WriteLine(context.Text["enclaves.found", findings.Length, counts]);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
