using System.Collections.Immutable;
using Boundaries.Geo.Measure;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace Boundaries.Geo.Validation;

/// <summary>Per-division geometry checks in the metric plane: validity, tiny parts, duplicate geometries.</summary>
internal static class GeometryChecks
{
    /// <summary>
    /// Checks one division's metric geometry; returns the geometry the coverage checks should use (a repair of an
    /// invalid one, so that one defect is not reported again as gaps and overlaps).
    /// </summary>
    public static Geometry Check(string code, Geometry source, Geometry metric, int collapsedRings, MetricFrame frame, ValidationRules rules, List<Finding> findings,
        out Coordinate? invalidAt)
    {
        invalidAt = null;
        if (source is not (Polygon or MultiPolygon))
        {
            Add(findings, rules, FindingCode.InvalidGeometry, code, frame.ToLonLat(metric.IsEmpty ? MetricFrame.MetricFactory.CreatePoint() : metric.InteriorPoint),
                null, "", $"{code}: geometry is a {source.GeometryType}, not a polygon", FindingDetail.Of("not_polygon", code, source.GeometryType));
        }
        if (collapsedRings > 0)
        {
            Add(findings, rules, FindingCode.TooFewPoints, code, frame.ToLonLat(metric.IsEmpty ? MetricFrame.MetricFactory.CreatePoint() : metric.InteriorPoint),
                collapsedRings, "rings", $"{code}: {collapsedRings} ring(s) with fewer than 4 points on the 1 mm grid", FindingDetail.Of("collapsed_rings", code, collapsedRings));
        }
        var usable = metric;
        var error = new IsValidOp(metric).ValidationError;
        if (error is not null)
        {
            var at = MetricFrame.MetricFactory.CreatePoint(error.Coordinate ?? metric.InteriorPoint.Coordinate);
            invalidAt = at.Coordinate;
            var findingCode = error.ErrorType switch
            {
                TopologyValidationErrors.SelfIntersection or TopologyValidationErrors.RingSelfIntersection => FindingCode.SelfIntersection,
                TopologyValidationErrors.TooFewPoints => FindingCode.TooFewPoints,
                TopologyValidationErrors.RingNotClosed => FindingCode.RingNotClosed,
                _ => FindingCode.InvalidGeometry,
            };
            Add(findings, rules, findingCode, code, frame.ToLonLat(at), null, "", $"{code}: {error.Message} at {FormatPoint(frame.ToLonLat(at))}",
                FindingDetail.Of("invalid", code, error.Message, FormatPoint(frame.ToLonLat(at))));
            usable = MetricFrame.Reoriented(GeometryFixer.Fix(metric));
        }
        if (rules.IsOn(FindingCode.TinyPart) && metric.NumGeometries > 1)
        {
            for (var i = 0; i < metric.NumGeometries; i++)
            {
                var part = metric.GetGeometryN(i);
                if (part.Area < rules.TinyPartAreaSquareMeters)
                {
                    var lonLat = frame.ToLonLat(part);
                    var area = EllipsoidalMeasure.AreaSquareMeters(lonLat);
                    Add(findings, rules, FindingCode.TinyPart, code, lonLat, Math.Round(area, 3), "m2",
                        $"{code}: part {i + 1} of {metric.NumGeometries} has only {area:0.###} m²",
                        FindingDetail.Of("tiny_part", code, i + 1, metric.NumGeometries, area.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)), Severity.Warning);
                }
            }
        }
        return usable;
    }

    /// <summary>Divisions of one coverage whose metric geometries are equal (same rings, any start vertex).</summary>
    public static void Duplicates(IReadOnlyList<Geometry> metric, IReadOnlyList<string> codes, MetricFrame frame, ValidationRules rules, List<Finding> findings)
    {
        if (!rules.IsOn(FindingCode.DuplicateDivision))
        {
            return;
        }
        var groups = Enumerable.Range(0, metric.Count)
            .Where(i => !metric[i].IsEmpty)
            .GroupBy(i => (metric[i].NumPoints, Math.Round(metric[i].Area, 2), metric[i].EnvelopeInternal.MinX, metric[i].EnvelopeInternal.MinY))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var normalized = group.Select(i => (Index: i, Geometry: metric[i].Normalized())).ToList();
            var done = new HashSet<int>();
            foreach (var (i, g) in normalized)
            {
                if (!done.Add(i))
                {
                    continue;
                }
                var same = normalized.Where(o => o.Index != i && !done.Contains(o.Index) && o.Geometry.EqualsExact(g)).Select(o => o.Index).ToList();
                if (same.Count == 0)
                {
                    continue;
                }
                done.UnionWith(same);
                var divisions = same.Prepend(i).Select(k => codes[k]).Order(StringComparer.Ordinal).ToImmutableArray();
                var lonLat = frame.ToLonLat(metric[i]);
                findings.Add(new Finding(FindingCode.DuplicateDivision, Severity.Error, divisions, lonLat,
                    Math.Round(EllipsoidalMeasure.AreaSquareMeters(lonLat), 2), "m2", $"{string.Join(", ", divisions)} have the same geometry",
                    FindingDetail.Of("duplicate_geometry", string.Join(", ", divisions))));
            }
        }
    }

    private static void Add(List<Finding> findings, ValidationRules rules, FindingCode code, string division, Geometry location, double? measure,
        string unit, string message, FindingDetail detail, Severity severity = Severity.Error)
    {
        if (rules.IsOn(code))
        {
            findings.Add(new Finding(code, severity, [division], location, measure, unit, message, detail));
        }
    }

    internal static string FormatPoint(Geometry lonLat) =>
        FormattableString.Invariant($"{lonLat.Coordinate.X:0.000000}, {lonLat.Coordinate.Y:0.000000}");
}
