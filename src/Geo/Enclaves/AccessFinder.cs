using Boundaries.Geo.Measure;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Practical enclaves by access: the roads are clipped to each division's main part and joined where they share an
/// end point; the component with the most road length (or the one nearest the seat) is the owner's own network. Every
/// other component of at least <see cref="MinimumRoadMeters"/> can only be reached through another division: the
/// finding is the part of the owner within <see cref="ZoneMeters"/> of that component, hosted by the divisions the
/// component's roads enter from. Parts with no roads report nothing.
/// </summary>
internal static class AccessFinder
{
    public const double MinimumRoadMeters = 50;
    public const double ZoneMeters = 150;
    private static readonly GeometryFactory Floating = new(new PrecisionModel());

    public static IEnumerable<EnclaveFinding> Find(FinderContext context, Geometry roads)
    {
        var metricRoads = context.Frame.AnyToMetric(roads);
        var index = RoadIndex(metricRoads);
        foreach (var part in context.Parts.Where(p => p.IsMain))
        {
            var polygon = context.Frame.ToMetric(part.Polygon, out _);
            if (!polygon.EnvelopeInternal.Intersects(metricRoads.EnvelopeInternal))
            {
                continue;
            }
            // only the roads that reach the part go into the overlay (the whole network per part was the slow path)
            var prepared = PreparedGeometryFactory.Prepare(polygon);
            var near = index.Query(polygon.EnvelopeInternal).Where(prepared.Intersects).ToList();
            if (near.Count == 0)
            {
                continue;
            }
            var clipped = Clip(polygon.Factory.BuildGeometry(near), polygon);
            var components = Components(clipped);
            if (components.Count < 2)
            {
                continue;
            }
            var own = context.Options.Seats.TryGetValue(part.Code, out var seat)
                ? components.MinBy(c => c.Distance(context.Frame.AnyToMetric(seat)))!
                : components.MaxBy(c => c.Length)!;
            foreach (var cut in components.Where(c => c != own && c.Length >= MinimumRoadMeters))
            {
                // buffers on a floating copy: on the 1 mm grid, BufferOp snap-rounds every offset curve (the slow path);
                // the zone is put on the grid by the overlay with the part right after
                var floating = Floating.CreateGeometry(cut);
                var buf = floating.Buffer(ZoneMeters);
                var zone = OverlayNG.Overlay(buf, polygon, SpatialFunction.Intersection, polygon.PrecisionModel);
                var near1 = new Envelope(cut.EnvelopeInternal);
                near1.ExpandBy(1);
                var candidates = part.Neighbours.Keys.Select(k => context.Parts[k]).Where(n => n.Code != part.Code)
                    .Select(n => (n.Code, Polygon: context.Frame.ToMetric(n.Polygon, out _)))
                    .Where(n => n.Polygon.EnvelopeInternal.Intersects(near1)).ToList();
                var touch = candidates.Count == 0 ? null : floating.Buffer(1);
                var hosts = candidates.Where(n => n.Polygon.Intersects(touch!)).Select(n => n.Code).Distinct().Order(StringComparer.Ordinal).ToList();
                var lonLat = context.Frame.ToLonLat(zone);
                var area = EllipsoidalMeasure.AreaSquareMeters(lonLat);
                yield return new EnclaveFinding(part.Code, [.. hosts], EnclaveClass.PracticalAccess, 1, context.Level, area, lonLat,
                    new EnclaveEvidence([.. hosts.Select(h => new SharedBorder(h, 0))], 0, -1, part.PartCount,
                        Note: $"{cut.Length:0} m of road in {part.Code} not joined to its own {own.Length:0} m network; reached from {(hosts.Count == 0 ? "outside" : string.Join(", ", hosts))}"));
            }
        }
    }

    /// <summary>Every line of the layer in an STR tree, by envelope.</summary>
    private static STRtree<Geometry> RoadIndex(Geometry lines)
    {
        var index = new STRtree<Geometry>();
        for (var i = 0; i < lines.NumGeometries; i++)
        {
            var line = lines.GetGeometryN(i);
            if (!line.IsEmpty)
            {
                index.Insert(line.EnvelopeInternal, line);
            }
        }
        index.Build();
        return index;
    }

    /// <summary>The lines inside the polygon, on its grid; a polygon left invalid by dirty data is repaired first.</summary>
    private static Geometry Clip(Geometry lines, Geometry polygon)
    {
        try
        {
            return OverlayNG.Overlay(lines, polygon, SpatialFunction.Intersection, polygon.PrecisionModel);
        }
        catch (TopologyException)
        {
            return OverlayNG.Overlay(lines, GeometryFixer.Fix(polygon), SpatialFunction.Intersection, polygon.PrecisionModel);
        }
    }

    /// <summary>Connected groups of lines (joined where they share a vertex after noding).</summary>
    private static List<Geometry> Components(Geometry lines)
    {
        var noded = lines.IsEmpty ? lines : lines.Union();
        var segments = Enumerable.Range(0, noded.NumGeometries).Select(noded.GetGeometryN).OfType<LineString>().Where(l => l.Length > 0).ToList();
        var parent = Enumerable.Range(0, segments.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var byPoint = new Dictionary<Coordinate, int>();
        for (var i = 0; i < segments.Count; i++)
        {
            foreach (var c in segments[i].Coordinates)
            {
                if (byPoint.TryGetValue(c, out var j))
                {
                    parent[Find(i)] = Find(j);
                }
                else
                {
                    byPoint[c] = i;
                }
            }
        }
        return [.. segments.Select((s, i) => (s, root: Find(i))).GroupBy(x => x.root).Select(g => lines.Factory.BuildGeometry(g.Select(x => (Geometry)x.s)))];
    }
}
