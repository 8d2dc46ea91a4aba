using System.Globalization;
using Boundaries.Cli.Infrastructure;
using Boundaries.Geo.Vectorize;
using NetTopologySuite.Geometries;

namespace Boundaries.Cli.Commands;

/// <summary>Renders a vectorization result: a localized summary and one line per finding, or JSON.</summary>
internal static class VectorizeReport
{
    public static void Write(CliContext context, VectorizeResult result, string outPath, bool json)
    {
        int Count(VectorizeSeverity s) => result.Findings.Count(f => f.Severity == s);
        if (json)
        {
            JsonOutput.Write(context.Out, new
            {
                output = outPath,
                metric_crs = result.MetricCrs.ToString(),
                divisions = result.Divisions.Divisions.Length,
                errors = Count(VectorizeSeverity.Error),
                warnings = Count(VectorizeSeverity.Warning),
                findings = result.Findings.Select(f => new
                {
                    code = Name(f.Code),
                    severity = f.Severity.ToString().ToLowerInvariant(),
                    message = f.Message,
                    divisions = f.Codes,
                    measure = f.Measure,
                    value = f.Value,
                    location = f.Location is { } at ? new[] { at.Coordinate.X, at.Coordinate.Y } : null,
                }),
            });
            return;
        }
        context.Out.WriteLine(context.Text["vectorize.summary", result.Divisions.Divisions.Length, outPath, Count(VectorizeSeverity.Error), Count(VectorizeSeverity.Warning), Count(VectorizeSeverity.Info)]);
        foreach (var f in result.Findings)
        {
            context.Out.WriteLine(context.Text["vectorize.finding", context.Text["vectorize.severity." + f.Severity.ToString().ToLowerInvariant()], Text(context.Text, f)]);
        }
    }

    private static string Text(Localizer text, VectorizeFinding f)
    {
        var measure = f.Measure.ToString("0.###", CultureInfo.InvariantCulture);
        var at = Where(f.Location);
        var codes = string.Join(", ", f.Codes);
        return f.Code switch
        {
            VectorizeFindingCode.UndershootClosed => text["vectorize.kind.undershoot", measure, at],
            VectorizeFindingCode.OvershootTrimmed => text["vectorize.kind.overshoot", measure, at],
            VectorizeFindingCode.Dangle => text["vectorize.kind.dangle", measure, at],
            VectorizeFindingCode.CutEdge => text["vectorize.kind.cut_edge", measure, at],
            VectorizeFindingCode.FaceWithoutLabel => text["vectorize.kind.no_label", measure, at],
            VectorizeFindingCode.FaceWithSeveralLabels => text["vectorize.kind.several_labels", measure, at, codes],
            VectorizeFindingCode.LabelOutsideFaces => text["vectorize.kind.label_outside", codes, at],
            _ => text["vectorize.kind.unknown_value", f.Value, measure],
        };
    }

    private static string Name(VectorizeFindingCode code) => code switch
    {
        VectorizeFindingCode.UndershootClosed => "undershoot_closed",
        VectorizeFindingCode.OvershootTrimmed => "overshoot_trimmed",
        VectorizeFindingCode.Dangle => "dangle",
        VectorizeFindingCode.CutEdge => "cut_edge",
        VectorizeFindingCode.FaceWithoutLabel => "face_without_label",
        VectorizeFindingCode.FaceWithSeveralLabels => "face_with_several_labels",
        VectorizeFindingCode.LabelOutsideFaces => "label_outside_faces",
        _ => "unknown_raster_value",
    };

    private static string Where(Geometry? location) => location?.Coordinate is { } c
        ? string.Create(CultureInfo.InvariantCulture, $"({c.X:0.000000}, {c.Y:0.000000})")
        : "-";
}
