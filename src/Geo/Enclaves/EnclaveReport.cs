using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Enclaves;

/// <summary>What the enclave report says besides the changes.</summary>
public sealed record EnclaveReportOptions
{
    /// <summary>The language of the page; English by default.</summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.English;

    /// <summary>The effective date of the changes; null (default, a plan not yet applied) shows a dash.</summary>
    public DateOnly? EffectiveDate { get; init; }

    /// <summary>The file the divisions came from, shown under the title; none by default.</summary>
    public string? Source { get; init; }

    /// <summary>Markers were scored: the change list gets a column of the markers (界桩) that would have to move; false by default.</summary>
    public bool MarkersScored { get; init; }
}

/// <summary>
/// The report of an enclave plan as one self-contained HTML page (well-formed XHTML-style markup, no scripts, nothing
/// fetched): a summary table in the form of an official boundary-change list (行政区域界线变更一览表: 序号, 变更前隶属,
/// 变更后隶属, 面积(平方米), 人口, 新增界线长度(米), 生效日期), then per change its figures, before/after maps of the
/// giving division, the receiving one and the piece as inline SVG (Gauss-Krüger plane, 320×240), and the piece as GeoJSON.
/// Each change is drawn on its own (a counter-enclave and its enclave are shown as if alone).
/// </summary>
public static class EnclaveReport
{
    private static readonly JsonSerializerOptions GeoJsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new GeoJsonConverterFactory() },
    };

    /// <summary>The page for the transfers among <paramref name="changes"/> (Keep choices are left out).</summary>
    /// <param name="set">The divisions before the changes, in lon/lat.</param>
    /// <param name="changes">The plan's choices; pieces in lon/lat.</param>
    /// <param name="options">Language, effective date, source.</param>
    /// <exception cref="ArgumentException">The set is not in lon/lat.</exception>
    public static string Html(DivisionSet set, IEnumerable<EnclaveResolution> changes, EnclaveReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(changes);
        options ??= new EnclaveReportOptions();
        if (set.Crs.Kind != CrsKind.Geographic)
        {
            throw new ArgumentException($"the report needs the divisions in lon/lat, not {set.Crs}", nameof(set));
        }
        var transfers = changes.Where(c => c.Kind != ResolutionKind.Keep).ToList();
        string T(string key) => EnclaveReportText.Of(options.Language, key);
        var date = options.EffectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
        var byCode = set.Divisions.GroupBy(d => d.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Level)!, StringComparer.Ordinal);
        string Label(string? code) => code is null ? "—" : byCode.TryGetValue(code, out var d) && d.Name.Length > 0 ? $"{d.Name} ({code})" : code;

        var html = new StringBuilder();
        var lang = options.Language == ReportLanguage.Chinese ? "zh-CN" : "en";
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>{E(T("title"))}</title>\n");
        html.Append("<style>body{font-family:sans-serif;margin:2em;max-width:72em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #888;padding:.2em .6em}")
            .Append("td.n{text-align:right}svg{border:1px solid #ccc;background:#fafafa;margin:.3em}.owner{fill:#9ecae1;stroke:#3182bd;stroke-width:1}")
            .Append(".receiver{fill:#fdd0a2;stroke:#e6550d;stroke-width:1}.piece{fill:none;stroke:#d00;stroke-width:2;stroke-dasharray:4 2}pre{max-height:12em;overflow:auto;background:#f4f4f4}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(T("title"))}</h1>\n");
        if (options.Source is { } source)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><code>{E(source)}</code></p>\n");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"count\">{E(string.Format(CultureInfo.InvariantCulture, T("count"), transfers.Count, date))}</p>\n");

        // the official list
        html.Append("<table id=\"changes\">\n<thead><tr>");
        string[] columns = options.MarkersScored
            ? ["no", "from", "to", "area", "people", "new_boundary", "markers", "effective"]
            : ["no", "from", "to", "area", "people", "new_boundary", "effective"];
        foreach (var h in columns)
        {
            html.Append("<th>").Append(E(T("col." + h))).Append("</th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        for (var i = 0; i < transfers.Count; i++)
        {
            var c = transfers[i];
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td class=\"n\">{i + 1}</td><td>{E(Label(c.From))}</td><td>{E(Label(c.To))}</td><td class=\"n\">{c.Score.AreaMovedSquareMeters:0}</td><td class=\"n\">{c.Score.PeopleMoved}</td><td class=\"n\">{c.Score.NewBoundaryMeters:0.0}</td>{(options.MarkersScored ? $"<td>{E(MarkerCell(c))}</td>" : "")}<td>{date}</td></tr>\n");
            html.Append(EnclaveReportLevels.Rows(i + 1, c, Label, date, T, options.MarkersScored));
        }
        html.Append("</tbody>\n</table>\n");

        // per change: figures, maps, piece
        var frame = MetricFrame.For(set.Crs, set.Divisions.Select(d => d.Geometry));
        for (var i = 0; i < transfers.Count; i++)
        {
            var c = transfers[i];
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"change\" id=\"change-{i + 1}\">\n<h2>{i + 1}. {E(Label(c.From))} → {E(Label(c.To))}</h2>\n<table class=\"figures\">\n");
            void Row(string key, string value) => html.Append("<tr><th>").Append(E(T(key))).Append("</th><td class=\"n\">").Append(E(value)).Append("</td></tr>\n");
            Row("col.area", c.Score.AreaMovedSquareMeters.ToString("0", CultureInfo.InvariantCulture));
            Row("col.people", c.Score.PeopleMoved.ToString(CultureInfo.InvariantCulture));
            Row("households", c.Score.HouseholdsMoved.ToString(CultureInfo.InvariantCulture));
            Row("facilities", c.Score.FacilitiesMoved.ToString(CultureInfo.InvariantCulture));
            Row("col.new_boundary", c.Score.NewBoundaryMeters.ToString("0.0", CultureInfo.InvariantCulture));
            Row("following", c.Score.NewBoundaryFollowingShare is { } share ? share.ToString("P0", CultureInfo.InvariantCulture) : "—");
            if (options.MarkersScored)
            {
                Row("col.markers", MarkerCell(c));
            }
            Row("junctions", string.Create(CultureInfo.InvariantCulture, $"{c.Score.JunctionsRemoved} / {c.Score.JunctionsKept}"));
            Row("levels", string.Join(", ", c.Score.LevelsAffected.Select(l => options.Language == ReportLanguage.Chinese ? l.ChineseName() : l.Name())));
            html.Append("</table>\n<div class=\"maps\">");
            html.Append(Maps(c, byCode, frame, T));
            html.Append("</div>\n<details><summary>").Append(E(T("geojson"))).Append("</summary>\n<pre>")
                .Append(E(PieceFeature(c, i + 1, options.EffectiveDate).ToJsonString(GeoJsonOptions))).Append("</pre></details>\n</section>\n");
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The transferred pieces as a GeoJSON FeatureCollection (lon/lat) with no, from, to, area_m2, people,
    /// households, facilities, new_boundary_m and effective.</summary>
    public static string PiecesGeoJson(IEnumerable<EnclaveResolution> changes, DateOnly? effectiveDate = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var features = changes.Where(c => c.Kind != ResolutionKind.Keep).Select((c, i) => (JsonNode)PieceFeature(c, i + 1, effectiveDate));
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray([.. features]) }.ToJsonString(GeoJsonOptions);
    }

    private static JsonObject PieceFeature(EnclaveResolution c, int no, DateOnly? effectiveDate) => new()
    {
        ["type"] = "Feature",
        ["properties"] = new JsonObject
        {
            ["no"] = no,
            ["from"] = c.From,
            ["to"] = c.To,
            ["area_m2"] = Math.Round(c.Score.AreaMovedSquareMeters, 2),
            ["people"] = c.Score.PeopleMoved,
            ["households"] = c.Score.HouseholdsMoved,
            ["facilities"] = c.Score.FacilitiesMoved,
            ["new_boundary_m"] = Math.Round(c.Score.NewBoundaryMeters, 3),
            ["effective"] = effectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        },
        ["geometry"] = JsonNode.Parse(JsonSerializer.Serialize(c.Piece, GeoJsonOptions)),
    };

    private static string Maps(EnclaveResolution c, Dictionary<string, Division> byCode, MetricFrame frame, Func<string, string> T)
    {
        if (!byCode.TryGetValue(c.From, out var owner) || c.To is null || !byCode.TryGetValue(c.To, out var receiver) || c.Piece is not (Polygon or MultiPolygon))
        {
            return "";
        }
        var ownerBefore = frame.ToMetric(owner.Geometry, out _);
        var receiverBefore = frame.ToMetric(receiver.Geometry, out _);
        var piece = frame.ToMetric(c.Piece, out _);
        var ownerAfter = Overlay(ownerBefore, piece, SpatialFunction.Difference);
        var receiverAfter = Overlay(receiverBefore, piece, SpatialFunction.Union);
        var extent = new Envelope(ownerBefore.EnvelopeInternal);
        extent.ExpandToInclude(receiverBefore.EnvelopeInternal);
        return EnclaveReportSvg.Render(extent, T("before"), [new(receiverBefore, "receiver"), new(ownerBefore, "owner"), new(piece, "piece")])
            + EnclaveReportSvg.Render(extent, T("after"), [new(receiverAfter, "receiver"), new(ownerAfter, "owner"), new(piece, "piece")])
            + "<br/><small>" + E(T("legend")) + "</small>";
    }

    private static Geometry Overlay(Geometry a, Geometry b, SpatialFunction op)
    {
        try
        {
            return OverlayNG.Overlay(a, b, op, a.PrecisionModel);
        }
        catch (TopologyException)
        {
            return OverlayNGRobust.Overlay(a, b, op);
        }
    }

    /// <summary>"n" or "n: id, id, …".</summary>
    private static string MarkerCell(EnclaveResolution c) => c.Score.MarkersMoved.IsDefaultOrEmpty
        ? "0"
        : string.Create(CultureInfo.InvariantCulture, $"{c.Score.MarkersMoved.Length}: {string.Join(", ", c.Score.MarkersMoved)}");

    internal static string E(string text) => WebUtility.HtmlEncode(text);
}
