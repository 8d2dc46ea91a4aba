using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Survey.Markers;
using Boundaries.Survey.Model;
using Boundaries.Survey.Quality;
using Boundaries.Survey.Reading;

namespace Boundaries.Survey.Compare;

/// <summary>
/// Reads survey files (or folders of them) into <see cref="SurveyObservations"/>: named points become marker
/// occupations, unnamed fixes track points; each kind passes its quality gate; markers are averaged.
/// </summary>
public static class SurveyObservationReader
{
    private static readonly string[] Extensions = [".nmea", ".nma", ".gpx", ".pos", ".dat", ".csv", ".gsi", ".rw5"];

    /// <summary>
    /// Reads <paramref name="paths"/>: a folder stands for its survey files (by extension, sorted). A CSV whose header
    /// names <c>lon</c>/<c>lat</c> columns is read as lon/lat; grid files take <paramref name="gridCrs"/> (points of a
    /// file without a known system are counted in <see cref="SurveyObservations.WithoutCrs"/> and not used).
    /// </summary>
    public static SurveyObservations Read(IEnumerable<string> paths, CrsCode? gridCrs = null,
        AcceptancePolicy? markerPolicy = null, AcceptancePolicy? trackPolicy = null, MarkerOptions? markerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        markerPolicy ??= AcceptancePolicy.Marker;
        trackPolicy ??= AcceptancePolicy.LineWalk;
        var files = ImmutableArray.CreateBuilder<string>();
        var occupations = new List<SurveyPoint>();
        var track = new List<SurveyPoint>();
        var markerRejections = new SortedDictionary<RejectionReason, int>();
        var trackRejections = new SortedDictionary<RejectionReason, int>();
        long withoutCrs = 0;
        foreach (var path in Expand(paths))
        {
            files.Add(path);
            var options = new SurveyReadOptions { Crs = gridCrs, Csv = GeographicCsv(path) };
            var batch = SurveyReader.Read(path, options).Batch;
            var toLonLat = ToLonLat(batch.Crs);
            foreach (var p in batch.Points)
            {
                var named = p.Kind != SurveyPointKind.TrackPoint && !string.IsNullOrWhiteSpace(p.Name);
                var policy = named ? markerPolicy : trackPolicy;
                if (policy.Check(p) is { } reason)
                {
                    var counts = named ? markerRejections : trackRejections;
                    counts[reason] = counts.GetValueOrDefault(reason) + 1;
                    continue;
                }
                if (toLonLat is null)
                {
                    withoutCrs++;
                    continue;
                }
                var (x, y) = toLonLat.IsIdentity ? (p.X, p.Y) : toLonLat.Transform(p.X, p.Y);
                (named ? occupations : track).Add(p with { X = x, Y = y });
            }
        }
        var markers = MarkerAverager.Average(occupations, CrsCode.Cgcs2000, markerOptions);
        return new SurveyObservations(files.ToImmutable(), markers, [.. track],
            markerRejections.ToImmutableSortedDictionary(), trackRejections.ToImmutableSortedDictionary(), withoutCrs);
    }

    private static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var f in Directory.EnumerateFiles(path).Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                             .Order(StringComparer.Ordinal))
                {
                    yield return f;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static CsvColumnMap? GeographicCsv(string path)
    {
        if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? "").Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToList();
        return header.Contains("lon") && header.Contains("lat") ? new CsvColumnMap { X = "lon", Y = "lat", Geographic = true } : null;
    }

    private static CoordinateTransformer? ToLonLat(CrsCode? crs) => crs switch
    {
        null => null,
        { Kind: CrsKind.Geographic } => CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.Cgcs2000),
        CrsCode c => CoordinateTransformer.Create(c, CrsCode.Cgcs2000),
    };
}
