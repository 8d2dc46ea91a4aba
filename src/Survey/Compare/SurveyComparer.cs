using System.Collections.Immutable;
using Boundaries.Geo.Model;
using Boundaries.Geo.Topology;
using Boundaries.Survey.Markers;

namespace Boundaries.Survey.Compare;

/// <summary>
/// Compares survey observations with the agreed lines of a level. A marker is compared with the line its number
/// names (Q, A, B: the line whose code is the number's line code), else — C/D/E triples, unnumbered markers — with
/// the nearest line; its offset is the distance to the line in Gauss-Krüger metres, with the side. Each accepted
/// track point counts for the nearest line within <see cref="ComparisonOptions.BufferMeters"/>; projected onto it,
/// points closer than <see cref="ComparisonOptions.MaxGapMeters"/> join into verified stretches, whose union over
/// the line's plane length is the line's verified share.
/// </summary>
public static class SurveyComparer
{
    /// <summary>Compares; lines and markers come back by id, districts by code.</summary>
    public static SurveyComparison Compare(DivisionSet divisions, SurveyObservations observations, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        ArgumentNullException.ThrowIfNull(observations);
        return Compare(divisions, EdgeTopology.Build(divisions), observations, options);
    }

    /// <summary>Compares using a topology already built from <paramref name="divisions"/>.</summary>
    public static SurveyComparison Compare(DivisionSet divisions, BoundaryTopology topology, SurveyObservations observations, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(observations);
        options ??= new ComparisonOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.BufferMeters);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxGapMeters);
        var lines = topology.Lines.Where(l => l.Level == options.Level && (options.IncludeOuterEdge || (l.Left is not null && l.Right is not null))).ToList();
        var metric = new MetricLines(lines);
        var codes = lines.Select(LineCodes.Of).ToList();
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            byCode[codes[i]] = i;
        }

        var markers = observations.Markers.Select(m => CompareMarker(m, metric, byCode, codes, options)).ToImmutableArray();
        var along = new List<double>[lines.Count];
        var deviations = new List<double>[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            along[i] = [];
            deviations[i] = [];
        }
        foreach (var p in observations.TrackPoints)
        {
            var (e, n) = metric.ToMetric.Transform(p.X, p.Y);
            if (metric.Nearest(e, n, options.BufferMeters) is { } foot)
            {
                along[foot.Line].Add(foot.Along);
                deviations[foot.Line].Add(foot.Distance);
            }
        }
        var progress = ImmutableArray.CreateBuilder<LineProgress>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var stretches = Stretches(along[i], options.MaxGapMeters, metric.PlaneLength(i));
            var planeLength = metric.PlaneLength(i);
            var share = planeLength > 0 ? Math.Min(1, stretches.Sum(s => s.ToMeters - s.FromMeters) / planeLength) : 0;
            var d = deviations[i];
            progress.Add(new LineProgress(lines[i].Id, codes[i], lines[i].Left, lines[i].Right, lines[i].LengthMeters, share * lines[i].LengthMeters, share,
                d.Count, d.Count > 0 ? d.Max() : null, d.Count > 0 ? Math.Sqrt(d.Sum(x => x * x) / d.Count) : null,
                markers.Count(m => m.LineId == lines[i].Id), stretches));
        }
        var lineProgress = progress.MoveToImmutable();
        var outByLine = markers.Where(m => m.WithinTolerance == false && m.LineId is not null).GroupBy(m => m.LineId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var parents = divisions.Divisions.Where(d => d.Level == options.Level).ToDictionary(d => d.Code, d => d.ParentCode, StringComparer.Ordinal);
        var districts = lineProgress
            .SelectMany(l => new[] { l.Left, l.Right }.OfType<string>().Select(c => parents.GetValueOrDefault(c)).OfType<string>().Distinct().Select(p => (Parent: p, Line: l)))
            .GroupBy(x => x.Parent, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Total(g.Key, g.Select(x => x.Line), outByLine))
            .ToImmutableArray();
        return new SurveyComparison(metric.Crs, lineProgress, [.. markers.OrderBy(m => m.Id, StringComparer.Ordinal)], districts,
            Total(null, lineProgress, outByLine), [.. lineProgress.Where(l => l.Share < options.CompleteShare).Select(l => l.Id)]);
    }

    private static ProgressTotal Total(string? code, IEnumerable<LineProgress> lines, Dictionary<int, int> outByLine)
    {
        var list = lines.ToList();
        var length = list.Sum(l => l.LengthMeters);
        var verified = list.Sum(l => l.VerifiedMeters);
        return new ProgressTotal(code, list.Count, length, verified, length > 0 ? verified / length : 0, list.Sum(l => outByLine.GetValueOrDefault(l.Id)));
    }

    private static MarkerOffset CompareMarker(MarkerEstimate marker, MetricLines metric, Dictionary<string, int> byCode, List<string> codes, ComparisonOptions options)
    {
        if (marker.Longitude is not { } lon || marker.Latitude is not { } lat)
        {
            return new MarkerOffset(marker.Id, null, null, null, null, null, null);
        }
        var (e, n) = metric.ToMetric.Transform(lon, lat);
        MetricLines.Projection? foot = null;
        if (marker.Number is { } number && number.Arrangement != MarkerArrangement.Triple && byCode.TryGetValue(number.LineCode, out var line))
        {
            foot = metric.ProjectOnto(line, e, n);
        }
        foot ??= metric.Nearest(e, n, options.MarkerSearchMeters);
        if (foot is not { } f)
        {
            return new MarkerOffset(marker.Id, null, null, null, null, null, null);
        }
        var side = f.SignedOffset > 0 ? "left" : f.SignedOffset < 0 ? "right" : "on";
        return new MarkerOffset(marker.Id, metric.Lines[f.Line].Id, codes[f.Line], f.Distance, side, f.Along, f.Distance <= options.MarkerToleranceMeters);
    }

    /// <summary>The union of stretches of sorted projected positions, joined when closer than the gap.</summary>
    internal static ImmutableArray<VerifiedStretch> Stretches(List<double> along, double maxGap, double length)
    {
        if (along.Count == 0)
        {
            return [];
        }
        along.Sort();
        var result = ImmutableArray.CreateBuilder<VerifiedStretch>();
        var from = along[0];
        var to = along[0];
        foreach (var s in along.Skip(1))
        {
            if (s - to > maxGap)
            {
                result.Add(new VerifiedStretch(Math.Max(0, from), Math.Min(length, to)));
                from = s;
            }
            to = s;
        }
        result.Add(new VerifiedStretch(Math.Max(0, from), Math.Min(length, to)));
        return result.ToImmutable();
    }
}
