using Boundaries.Geo.Measure;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Simplify;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Practical enclaves by neck: a part eroded by W/2 (in the metric plane) falls apart; the main piece grown back by
/// W/2 is what stays attached, and every remaining piece that holds an eroded component is a lobe joined to the main
/// part only through a passage narrower than W.
/// </summary>
internal static class NeckFinder
{
    public static List<EnclaveFinding> Find(FinderContext context, double widthMeters)
    {
        var parts = context.Parts;
        var found = new List<EnclaveFinding>[parts.Count];
        Parallel.For(0, parts.Count, i => found[i] = Lobes(context, parts[i], widthMeters));
        return [.. found.SelectMany(f => f)];
    }

    private static List<EnclaveFinding> Lobes(FinderContext context, PartGraph.Part part, double width)
    {
        var result = new List<EnclaveFinding>();
        var metric = context.Frame.ToMetric(part.Polygon, out _);
        if (metric.IsEmpty)
        {
            return result;
        }
        var env = metric.EnvelopeInternal;
        if (Math.Min(env.Width, env.Height) < 2 * width)
        {
            return result;
        }
        var parameters = new BufferParameters(4, EndCapStyle.Round, JoinStyle.Mitre, 5);
        // Erode a simplified copy (tolerance W/10): the neck test does not need every vertex, and buffering is the cost.
        var simplified = DouglasPeuckerSimplifier.Simplify(metric, width / 10);
        var eroded = BufferOp.Buffer(simplified, -width / 2, parameters);
        if (eroded.NumGeometries < 2)
        {
            return result;
        }
        var comps = Enumerable.Range(0, eroded.NumGeometries).Select(eroded.GetGeometryN).ToList();
        var main = comps.MaxBy(c => c.Area)!;
        var attached = BufferOp.Buffer(main, width / 2 + 0.01, parameters).Intersection(metric);
        var rest = metric.Difference(attached);
        for (var k = 0; k < rest.NumGeometries; k++)
        {
            var piece = rest.GetGeometryN(k);
            if (piece is not Polygon || !comps.Any(c => c != main && c.Intersects(piece)))
            {
                continue;
            }
            var lonLat = context.Frame.ToLonLat(piece);
            var borders = Hosts(context, part, piece);
            var (note, detail) = EnclaveNotes.Of("neck", part.Code, EnclaveNotes.Number(width, "0.#"));
            result.Add(new EnclaveFinding(part.Code, [.. borders.Select(b => b.Code)], EnclaveClass.PracticalNeck, 1, context.Level,
                EllipsoidalMeasure.AreaSquareMeters(lonLat), lonLat,
                new EnclaveEvidence([.. borders], 0, part.PartIndex, part.PartCount, NeckWidthMeters: width,
                    Note: note, Detail: detail)));
        }
        return result;
    }

    private static List<SharedBorder> Hosts(FinderContext context, PartGraph.Part part, Geometry pieceMetric)
    {
        var boundary = pieceMetric.Boundary;
        var borders = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (index, _) in part.Neighbours)
        {
            var other = context.Parts[index];
            if (other.Code == part.Code || !other.Polygon.EnvelopeInternal.Intersects(part.Polygon.EnvelopeInternal))
            {
                continue;
            }
            var otherMetric = context.Frame.ToMetric(other.Polygon, out _);
            if (!otherMetric.EnvelopeInternal.Intersects(pieceMetric.EnvelopeInternal))
            {
                continue;
            }
            var length = boundary.Intersection(otherMetric.Boundary).Length;
            if (length > 0.001)
            {
                borders[other.Code] = borders.GetValueOrDefault(other.Code) + length;
            }
        }
        return [.. borders.Select(b => new SharedBorder(b.Key, Math.Round(b.Value, 3))).OrderByDescending(b => b.LengthMeters).ThenBy(b => b.Code, StringComparer.Ordinal)];
    }
}
