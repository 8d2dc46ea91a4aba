using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using Boundaries.Geo.Validation;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>--report out.html</c> of <c>enclaves plan</c> and <c>enclaves apply</c>: the HTML change list (in the language of
/// <c>--lang</c>) and, beside it, the transferred pieces as <c>out.pieces.geojson</c>.
/// </summary>
internal static class EnclavesReportOption
{
    public static Option<string?> Create() =>
        new("--report") { Description = "write an HTML change list with maps; the pieces go beside it as .pieces.geojson / 输出变更一览表（HTML，含示意图）" };

    /// <summary>Writes the page and the companion GeoJSON; the set is in lon/lat.</summary>
    public static void Write(CliContext context, string path, DivisionSet set, IEnumerable<EnclaveResolution> changes, DateOnly? effective, string source,
        bool markersScored = false)
    {
        var list = changes.Where(c => c.Kind != ResolutionKind.Keep).ToList();
        var options = new EnclaveReportOptions
        {
            Language = context.Text.Language == Language.Chinese ? ReportLanguage.Chinese : ReportLanguage.English,
            EffectiveDate = effective,
            Source = source,
            MarkersScored = markersScored,
        };
        AtomicFile.WriteText(path, EnclaveReport.Html(set, list, options));
        var pieces = PiecesPath(path);
        AtomicFile.WriteText(pieces, EnclaveReport.PiecesGeoJson(list, effective));
        context.Error.WriteLine(context.Text["enclaves.report", path, list.Count, pieces]);
    }

    /// <summary><c>out.html</c> → <c>out.pieces.geojson</c>, beside it.</summary>
    public static string PiecesPath(string reportPath) =>
        Path.Combine(Path.GetDirectoryName(reportPath) ?? "", Path.GetFileNameWithoutExtension(reportPath) + ".pieces.geojson");
}
