using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Survey.Model;

namespace Boundaries.Survey.Markers;

/// <summary>
/// Groups marker occupations (by point name, else by proximity) and averages each group with outliers rejected:
/// distances from the median position beyond <see cref="MarkerOptions.OutlierFactor"/> robust σ (1.4826 × MAD), and
/// beyond <see cref="MarkerOptions.OutlierFloorMeters"/>, are set aside; the rest are averaged. Work is in
/// Gauss-Krüger metres (lon/lat input goes to the CGCS2000 3° zone of its median longitude; WGS84 is taken as CGCS2000).
/// </summary>
public static class MarkerAverager
{
    /// <summary>
    /// One estimate per marker, named groups first (ordered by name), then unnamed groups in order of first
    /// occupation (ids <c>#1</c>, <c>#2</c> …). Empty for no occupations.
    /// </summary>
    /// <param name="occupations">The accepted points (pass them through a <c>QualityGate</c> first).</param>
    /// <param name="crs">The system of X/Y; null for an unknown local grid (metres).</param>
    /// <param name="options">Grouping and outlier settings; null for the defaults.</param>
    public static ImmutableArray<MarkerEstimate> Average(IEnumerable<SurveyPoint> occupations, CrsCode? crs, MarkerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(occupations);
        options ??= new MarkerOptions();
        var points = occupations.ToList();
        if (points.Count == 0)
        {
            return [];
        }
        var (metric, toMetric, toLonLat) = MetricSystem(points, crs);
        var projected = points.Select(p =>
        {
            var (e, n) = toMetric is null ? (p.X, p.Y) : toMetric.Transform(p.X, p.Y);
            return new Occupation(p, e, n);
        }).ToList();

        var result = ImmutableArray.CreateBuilder<MarkerEstimate>();
        foreach (var group in projected.Where(o => !string.IsNullOrWhiteSpace(o.Point.Name))
                     .GroupBy(o => o.Point.Name!.Trim(), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            result.Add(Estimate(group.Key, [.. group], metric, toLonLat, options));
        }
        var clusters = Cluster(projected.Where(o => string.IsNullOrWhiteSpace(o.Point.Name)), options.GroupRadiusMeters);
        for (var i = 0; i < clusters.Count; i++)
        {
            result.Add(Estimate($"#{i + 1}", clusters[i], metric, toLonLat, options));
        }
        return result.ToImmutable();
    }

    private static (CrsCode? Metric, CoordinateTransformer? ToMetric, CoordinateTransformer? ToLonLat) MetricSystem(List<SurveyPoint> points, CrsCode? crs)
    {
        if (crs is { IsLonLat: true } lonLat)
        {
            var longitudes = points.Select(p => p.X).Order().ToList();
            var gk = CrsCode.GaussKruger(CrsCode.ZoneOfLongitude(longitudes[longitudes.Count / 2]), zonePrefixed: false);
            var source = lonLat.Kind == CrsKind.Geographic ? CrsCode.Cgcs2000 : lonLat;
            return (gk, CoordinateTransformer.Create(source, gk), CoordinateTransformer.Create(gk, CrsCode.Cgcs2000));
        }
        if (crs is { Kind: CrsKind.GaussKruger } grid)
        {
            return (grid, null, CoordinateTransformer.Create(grid, CrsCode.Cgcs2000));
        }
        return (crs, null, null);
    }

    private static List<List<Occupation>> Cluster(IEnumerable<Occupation> occupations, double radius)
    {
        var clusters = new List<List<Occupation>>();
        var centres = new List<(double E, double N)>();
        foreach (var o in occupations)
        {
            var best = -1;
            var bestDistance = radius;
            for (var i = 0; i < centres.Count; i++)
            {
                var d = Math.Sqrt(Sq(o.E - centres[i].E) + Sq(o.N - centres[i].N));
                if (d <= bestDistance)
                {
                    (best, bestDistance) = (i, d);
                }
            }
            if (best < 0)
            {
                clusters.Add([o]);
                centres.Add((o.E, o.N));
            }
            else
            {
                var c = clusters[best];
                c.Add(o);
                centres[best] = (c.Average(x => x.E), c.Average(x => x.N));
            }
        }
        return clusters;
    }

    private static MarkerEstimate Estimate(string id, List<Occupation> group, CrsCode? metric, CoordinateTransformer? toLonLat, MarkerOptions options)
    {
        var medianE = Median(group.Select(o => o.E));
        var medianN = Median(group.Select(o => o.N));
        var distances = group.Select(o => Math.Sqrt(Sq(o.E - medianE) + Sq(o.N - medianN))).ToList();
        var mad = Median(distances);
        var limit = Math.Max(options.OutlierFactor * 1.4826 * mad, options.OutlierFloorMeters);
        var kept = new List<Occupation>();
        var outliers = new List<Occupation>();
        for (var i = 0; i < group.Count; i++)
        {
            (distances[i] > limit ? outliers : kept).Add(group[i]);
        }
        var e = kept.Average(o => o.E);
        var n = kept.Average(o => o.N);
        double? sigmaE = kept.Count > 1 ? Math.Sqrt(kept.Sum(o => Sq(o.E - e)) / (kept.Count - 1)) : null;
        double? sigmaN = kept.Count > 1 ? Math.Sqrt(kept.Sum(o => Sq(o.N - n)) / (kept.Count - 1)) : null;
        double? sigmaMean = sigmaE is { } se && sigmaN is { } sn ? Math.Sqrt((se * se + sn * sn) / kept.Count) : null;
        var heights = kept.Select(o => o.Point.OrthometricHeightMeters).OfType<double>().ToList();
        (double X, double Y)? lonLat = toLonLat?.Transform(e, n);
        MarkerNumber? number = MarkerNumber.TryParse(id, out var parsed, out _) ? parsed : null;
        return new MarkerEstimate(id, number, metric, e, n, lonLat?.X, lonLat?.Y, heights.Count > 0 ? heights.Average() : null,
            kept.Count, outliers.Count, sigmaE, sigmaN, sigmaMean,
            kept.Select(o => o.Point.Date).Where(d => d is not null).Min(),
            [.. kept.Select(o => o.Point.Line)], [.. outliers.Select(o => o.Point.Line)]);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double Sq(double v) => v * v;

    private sealed record Occupation(SurveyPoint Point, double E, double N);
}
