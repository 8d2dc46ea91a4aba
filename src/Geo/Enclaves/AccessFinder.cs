using Boundaries.Geo.Measure;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Practical enclaves by access: the roads are clipped to each division's main part and grouped into networks (lines
/// that touch or cross); the network with the most road length (or the one nearest the seat) is the owner's own. Every
/// other network of at least <see cref="MinimumRoadMeters"/> that a road enters from beyond the part can only be
/// reached through another division (or from outside the coverage): the finding is the part of the owner within
/// <see cref="ZoneMeters"/> of that network, hosted by the divisions its roads enter from. A network no road enters
/// (it lies wholly inside the part, joined to nothing) is not reachable from anywhere — a gap in the road layer, not an
/// enclave — and is not reported. Parts with no roads report nothing.
/// </summary>
internal static class AccessFinder
{
    public const double MinimumRoadMeters = 50;
    public const double ZoneMeters = 150;

    private static readonly GeometryFactory Floating = new(new PrecisionModel());

    public static IEnumerable<EnclaveFinding> Find(FinderContext context, Geometry roads)
    {
        var index = RoadIndex(roads);
        var mains = context.Parts.Where(p => p.IsMain && p.Polygon.EnvelopeInternal.Intersects(roads.EnvelopeInternal)).ToList();
        var found = new List<EnclaveFinding>[mains.Count];
        // each main part is independent: the parts run in parallel, the findings keep the parts' order
        Parallel.For(0, mains.Count, i => found[i] = InPart(context, mains[i], index));
        return found.SelectMany(f => f);
    }

    private static List<EnclaveFinding> InPart(FinderContext context, PartGraph.Part part, STRtree<LineString> index)
    {
        var result = new List<EnclaveFinding>();
        // the roads near the part cut where they cross its edge, in the data's own coordinates (RoadClipper: flat
        // arrays, no overlay, no projection of the part's vertices); the networks are the groups of pieces that meet
        var clipper = RoadClipper.For(part.Polygon);
        var pieces = new List<LineString>();
        var entering = new List<bool>();
        foreach (var road in index.Query(part.Polygon.EnvelopeInternal))
        {
            var inside = clipper.Clip(road, out var leaves);
            pieces.AddRange(inside);
            entering.AddRange(inside.Select(_ => leaves));
        }
        var components = Components(pieces);
        if (components.Count < 2)
        {
            return result;
        }
        // lengths and distances in metres: the pieces (few vertices) go to the metric plane
        var metric = pieces.Select(p => context.Frame.AnyToMetric(p)).ToList();
        var own = context.Options.Seats.TryGetValue(part.Code, out var seat)
            ? components.MinBy(c => Geometry(c, metric).Distance(context.Frame.AnyToMetric(seat)))!
            : components.MaxBy(c => Length(c, metric))!;
        var cut = components.Where(c => c != own && c.Any(m => entering[m]) && Length(c, metric) >= MinimumRoadMeters).ToList();
        if (cut.Count == 0)
        {
            return result;
        }
        // the part as a metric polygon only when there is something to report
        var polygon = context.Frame.ToMetric(part.Polygon, out _);
        foreach (var members in cut)
        {
            // buffers on a floating copy: on the 1 mm grid, BufferOp snap-rounds every offset curve (the slow path);
            // the zone is put on the grid by the overlay with the part right after
            var network = Floating.CreateGeometry(Geometry(members, metric));
            var zone = OverlayNG.Overlay(network.Buffer(ZoneMeters), polygon, SpatialFunction.Intersection, polygon.PrecisionModel);
            var near = new Envelope(network.EnvelopeInternal);
            near.ExpandBy(1);
            var candidates = part.Neighbours.Keys.Select(k => context.Parts[k]).Where(n => n.Code != part.Code)
                .Select(n => (n.Code, Polygon: context.Frame.ToMetric(n.Polygon, out _)))
                .Where(n => n.Polygon.EnvelopeInternal.Intersects(near)).ToList();
            var touch = candidates.Count == 0 ? null : network.Buffer(1);
            var hosts = candidates.Where(n => n.Polygon.Intersects(touch!)).Select(n => n.Code).Distinct().Order(StringComparer.Ordinal).ToList();
            var lonLat = context.Frame.ToLonLat(zone);
            var area = EllipsoidalMeasure.AreaSquareMeters(lonLat);
            var (note, detail) = hosts.Count == 0
                ? EnclaveNotes.Of("access_outside", EnclaveNotes.Number(network.Length, "0"), part.Code, EnclaveNotes.Number(Length(own, metric), "0"))
                : EnclaveNotes.Of("access", EnclaveNotes.Number(network.Length, "0"), part.Code, EnclaveNotes.Number(Length(own, metric), "0"), string.Join(", ", hosts));
            result.Add(new EnclaveFinding(part.Code, [.. hosts], EnclaveClass.PracticalAccess, 1, context.Level, area, lonLat,
                new EnclaveEvidence([.. hosts.Select(h => new SharedBorder(h, 0))], 0, -1, part.PartCount,
                    Note: note, Detail: detail)));
        }
        return result;
    }

    /// <summary>Every line of the layer in an STR tree, by envelope.</summary>
    private static STRtree<LineString> RoadIndex(Geometry lines)
    {
        var index = new STRtree<LineString>();
        for (var i = 0; i < lines.NumGeometries; i++)
        {
            if (lines.GetGeometryN(i) is LineString { IsEmpty: false } line)
            {
                index.Insert(line.EnvelopeInternal, line);
            }
        }
        index.Build();
        return index;
    }

    /// <summary>Connected groups of lines (lines that touch or cross are joined), as lists of indexes.</summary>
    private static List<List<int>> Components(List<LineString> pieces)
    {
        var parent = Enumerable.Range(0, pieces.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var intersector = new RobustLineIntersector();
        var tree = new STRtree<int>();
        for (var i = 0; i < pieces.Count; i++)
        {
            tree.Insert(pieces[i].EnvelopeInternal, i);
        }
        tree.Build();
        for (var i = 0; i < pieces.Count; i++)
        {
            foreach (var j in tree.Query(pieces[i].EnvelopeInternal))
            {
                if (j > i && Find(i) != Find(j) && Meet(pieces[i], pieces[j], intersector))
                {
                    parent[Find(i)] = Find(j);
                }
            }
        }
        return [.. Enumerable.Range(0, pieces.Count).GroupBy(Find).Select(g => g.ToList())];
    }

    /// <summary>Whether two lines touch or cross (segment by segment, envelopes first).</summary>
    private static bool Meet(LineString a, LineString b, RobustLineIntersector intersector)
    {
        var sa = a.CoordinateSequence;
        var sb = b.CoordinateSequence;
        for (var i = 1; i < sa.Count; i++)
        {
            var (a0, a1) = (sa.GetCoordinate(i - 1), sa.GetCoordinate(i));
            var ea = new Envelope(a0, a1);
            for (var j = 1; j < sb.Count; j++)
            {
                var (b0, b1) = (sb.GetCoordinate(j - 1), sb.GetCoordinate(j));
                if (!ea.Intersects(b0, b1))
                {
                    continue;
                }
                intersector.ComputeIntersection(a0, a1, b0, b1);
                if (intersector.HasIntersection)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static double Length(List<int> members, List<Geometry> pieces) => members.Sum(m => pieces[m].Length);

    private static Geometry Geometry(List<int> members, List<Geometry> pieces) =>
        pieces[members[0]].Factory.BuildGeometry(members.Select(m => (Geometry)pieces[m]));
}
