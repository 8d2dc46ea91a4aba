using System.Globalization;
using System.Net;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace Boundaries.Geo.Validation;

/// <summary>
/// Renders a <see cref="ValidationReport"/> as one self-contained HTML page (no scripts, no fonts or tiles from the
/// internet): the summary, counts by kind, a small inline SVG map per kind of finding over the divisions, and a table
/// of every finding with a <c>geo:</c> link to its coordinates.
/// </summary>
public static class ValidationHtmlReport
{
    private const int MapWidth = 480;
    private const int MapHeight = 360;

    /// <summary>
    /// The page. <paramref name="backdrop"/> (lon/lat, usually the divisions checked) is drawn in grey under the findings;
    /// pass none for no backdrop.
    /// </summary>
    public static string Render(ValidationReport report, ReportLanguage language, IEnumerable<Geometry>? backdrop = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        string T(string key) => ReportText.Of(language, key);
        var background = (backdrop ?? []).Select(g => DouglasPeuckerSimplifier.Simplify(g, 1e-4)).ToList();
        var html = new StringBuilder();
        var lang = language == ReportLanguage.Chinese ? "zh-CN" : "en";
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(T("title"))}</title>\n");
        html.Append("<style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.2em .5em;text-align:left}")
            .Append(".error{color:#b00}.warning{color:#a60}svg{border:1px solid #ccc;background:#fafafa}figure{display:inline-block;margin:.5em}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(T("title"))}</h1>\n");
        if (source is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><code>{E(source)}</code></p>\n");
        }
        var errors = report.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = report.Findings.Count(f => f.Severity == Severity.Warning);
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"summary\">{E(string.Format(CultureInfo.InvariantCulture, T("summary"), report.Divisions, report.Coverages, errors, warnings, report.Accepted.Length))}</p>\n");
        if (report.Findings.IsEmpty)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(T("none"))}</p>\n</body>\n</html>\n");
            return html.ToString();
        }
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(T("counts"))}</h2>\n<table id=\"counts\">\n<tr><th>{E(T("code"))}</th><th>{E(T("meaning"))}</th><th>{E(T("count"))}</th></tr>\n");
        foreach (var (code, count) in report.CountByCode())
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#{code.Name()}\">{code.Name()}</a></td><td>{E(ReportText.Describe(language, code))}</td><td>{count}</td></tr>\n");
        }
        html.Append("</table>\n");
        foreach (var group in report.Findings.GroupBy(f => f.Code))
        {
            html.Append(CultureInfo.InvariantCulture, $"<figure id=\"{group.Key.Name()}\"><figcaption>{group.Key.Name()} — {E(ReportText.Describe(language, group.Key))}</figcaption>\n");
            html.Append(Map(group.ToList(), background, language)).Append(CultureInfo.InvariantCulture, $"<br><small>{E(T("map"))}</small></figure>\n");
        }
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(T("findings"))}</h2>\n<table id=\"findings\">\n<tr><th>#</th><th>{E(T("code"))}</th><th>{E(T("severity"))}</th><th>{E(T("divisions"))}</th><th>{E(T("measure"))}</th><th>{E(T("where"))}</th><th>{E(T("message"))}</th></tr>\n");
        var n = 0;
        foreach (var f in report.Findings)
        {
            n++;
            var at = f.Location.IsEmpty ? null : f.Location.InteriorPoint.Coordinate;
            var where = at is null ? "" : string.Create(CultureInfo.InvariantCulture, $"<a href=\"geo:{at.Y:0.000000},{at.X:0.000000}\">{at.X:0.000000}, {at.Y:0.000000}</a>");
            var severity = f.Severity.ToString().ToLowerInvariant();
            var measure = f.Measure is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m:0.###} {f.MeasureUnit}") : "";
            html.Append(CultureInfo.InvariantCulture, $"<tr id=\"f{n}\"><td>{n}</td><td>{f.Code.Name()}</td><td class=\"{severity}\">{E(T(severity))}</td><td>{E(string.Join(", ", f.Divisions))}</td><td>{E(measure)}</td><td>{where}</td><td>{E(FindingDetails.Text(f, language))}</td></tr>\n");
        }
        html.Append("</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>An SVG of the findings over the backdrop, framed on the findings (with a margin) so small pieces show.</summary>
    private static string Map(List<Finding> findings, List<Geometry> backdrop, ReportLanguage language)
    {
        var frame = new Envelope();
        foreach (var f in findings)
        {
            frame.ExpandToInclude(f.Location.EnvelopeInternal);
        }
        if (frame.IsNull)
        {
            return "<svg></svg>";
        }
        var pad = Math.Max(Math.Max(frame.Width, frame.Height) * 0.15, 0.002);
        frame.ExpandBy(pad);
        var scale = Math.Min(MapWidth / frame.Width, MapHeight / frame.Height);
        string X(double x) => ((x - frame.MinX) * scale).ToString("0.#", CultureInfo.InvariantCulture);
        string Y(double y) => ((frame.MaxY - y) * scale).ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{MapWidth}\" height=\"{MapHeight}\" viewBox=\"0 0 {MapWidth} {MapHeight}\">\n");
        foreach (var g in backdrop.Where(g => g.EnvelopeInternal.Intersects(frame)))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{Path(g, X, Y)}\" fill=\"#e8e8e8\" stroke=\"#888\" stroke-width=\"0.7\" fill-rule=\"evenodd\"/>\n");
        }
        foreach (var f in findings)
        {
            if (f.Location.Dimension == Dimension.Surface)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{Path(f.Location, X, Y)}\" fill=\"#d22\" fill-opacity=\"0.6\" stroke=\"#d22\" stroke-width=\"1\" fill-rule=\"evenodd\"/>\n");
            }
            foreach (var c in f.Location.Dimension == Dimension.Point ? f.Location.Coordinates : [f.Location.InteriorPoint.Coordinate])
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(c.X)}\" cy=\"{Y(c.Y)}\" r=\"5\" fill=\"none\" stroke=\"#d22\" stroke-width=\"2\"><title>{E(FindingDetails.Text(f, language))}</title></circle>\n");
            }
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Path(Geometry g, Func<double, string> x, Func<double, string> y)
    {
        var d = new StringBuilder();
        for (var i = 0; i < g.NumGeometries; i++)
        {
            if (g.GetGeometryN(i) is not Polygon p)
            {
                continue;
            }
            foreach (var ring in new[] { p.ExteriorRing }.Concat(p.InteriorRings))
            {
                var c = ring.Coordinates;
                d.Append('M').Append(x(c[0].X)).Append(',').Append(y(c[0].Y));
                for (var k = 1; k < c.Length; k++)
                {
                    d.Append('L').Append(x(c[k].X)).Append(',').Append(y(c[k].Y));
                }
                d.Append('Z');
            }
        }
        return d.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
