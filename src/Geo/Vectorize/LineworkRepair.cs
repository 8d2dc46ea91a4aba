using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;
using NetTopologySuite.Operation.Linemerge;

namespace Boundaries.Geo.Vectorize;

/// <summary>
/// Repairs noded linework within a tolerance, by two stated rules, in this order:
/// <list type="number">
/// <item>Overshoot: a dangling piece (one end meets nothing, the other is a node) shorter than the tolerance is
/// removed.</item>
/// <item>Undershoot: a dangling end within the tolerance of another line is joined to it by a straight connector — to
/// the nearest vertex of another line when one is within the tolerance (so a line stopping short of a junction reaches
/// the junction itself, as vertex snapping in a digitizer does), otherwise to the nearest point of the nearest other
/// line.</item>
/// </list>
/// Each repair is reported as an info finding at the dangling end. Dangles left after both rules are reported by
/// <see cref="LineworkVectorizer"/>.
/// </summary>
internal static class LineworkRepair
{
    public static List<LineString> Repair(List<LineString> noded, double toleranceMeters, GeometryFactory factory, FindingSink sink)
    {
        var lines = TrimOvershoots(noded, toleranceMeters, sink);
        var connectors = CloseUndershoots(lines, toleranceMeters, factory, sink);
        if (connectors.Count == 0)
        {
            return lines;
        }
        return TrimOvershoots(LineNoder.Node(lines.Concat(connectors), factory), toleranceMeters, sink);
    }

    private static List<LineString> TrimOvershoots(List<LineString> lines, double tolerance, FindingSink sink)
    {
        while (true)
        {
            var degree = LineNoder.Degrees(lines);
            var kept = new List<LineString>(lines.Count);
            var removed = 0;
            foreach (var line in lines)
            {
                var start = degree[line.StartPoint.Coordinate];
                var end = degree[line.EndPoint.Coordinate];
                var dangling = (start == 1) != (end == 1) || (start == 1 && end == 1);
                if (dangling && line.Length < tolerance)
                {
                    var tip = start == 1 ? line.StartPoint : line.EndPoint;
                    sink.Add(VectorizeFindingCode.OvershootTrimmed, VectorizeSeverity.Info,
                        string.Create(CultureInfo.InvariantCulture, $"dangling piece of {line.Length:0.###} m removed (shorter than the tolerance {tolerance:0.###} m)"),
                        tip, null, line.Length);
                    removed++;
                    continue;
                }
                kept.Add(line);
            }
            if (removed == 0)
            {
                return kept;
            }
            // removing a piece leaves its node with two lines: merge them again so pieces still run node to node
            var merger = new LineMerger();
            merger.Add(kept);
            lines = [.. merger.GetMergedLineStrings().Cast<LineString>()];
        }
    }

    private static List<LineString> CloseUndershoots(List<LineString> lines, double tolerance, GeometryFactory factory, FindingSink sink)
    {
        var degree = LineNoder.Degrees(lines);
        var tree = new STRtree<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            tree.Insert(lines[i].EnvelopeInternal, i);
        }
        var connectors = new List<LineString>();
        var joined = new HashSet<(Coordinate, Coordinate)>();
        for (var owner = 0; owner < lines.Count; owner++)
        {
            var line = lines[owner];
            foreach (var tip in new[] { line.StartPoint.Coordinate, line.EndPoint.Coordinate })
            {
                if (degree[tip] != 1)
                {
                    continue;
                }
                var search = new Envelope(tip);
                search.ExpandBy(tolerance);
                var candidates = tree.Query(search).Where(i => i != owner).ToList();
                var target = NearestVertex(tip, candidates, lines, tolerance) ?? NearestOnLine(tip, candidates, lines, tolerance, factory.PrecisionModel);
                if (target is null || target.Equals2D(tip) || !joined.Add((target, tip)) || joined.Contains((tip, target)))
                {
                    continue;
                }
                var distance = tip.Distance(target);
                connectors.Add(factory.CreateLineString([tip.Copy(), target.Copy()]));
                sink.Add(VectorizeFindingCode.UndershootClosed, VectorizeSeverity.Info,
                    string.Create(CultureInfo.InvariantCulture, $"dangling end extended by {distance:0.###} m to the nearest line (tolerance {tolerance:0.###} m)"),
                    factory.CreatePoint(tip), null, distance);
            }
        }
        return connectors;
    }

    private static Coordinate? NearestVertex(Coordinate tip, List<int> candidates, List<LineString> lines, double tolerance)
    {
        Coordinate? best = null;
        var bestDistance = double.PositiveInfinity;
        foreach (var i in candidates)
        {
            // the pieces were merged through nodes of degree two, so a junction left with two lines is now a vertex
            foreach (var end in lines[i].Coordinates)
            {
                var d = tip.Distance(end);
                if (d <= tolerance && d < bestDistance)
                {
                    (best, bestDistance) = (end, d);
                }
            }
        }
        return best;
    }

    private static Coordinate? NearestOnLine(Coordinate tip, List<int> candidates, List<LineString> lines, double tolerance, PrecisionModel precision)
    {
        Coordinate? best = null;
        var bestDistance = double.PositiveInfinity;
        var point = lines[0].Factory.CreatePoint(tip);
        foreach (var i in candidates)
        {
            var nearest = DistanceOp.NearestPoints(lines[i], point)[0];
            var d = tip.Distance(nearest);
            if (d <= tolerance && d < bestDistance)
            {
                (best, bestDistance) = (nearest, d);
            }
        }
        if (best is null)
        {
            return null;
        }
        var snapped = new Coordinate(best);
        precision.MakePrecise(snapped);
        return snapped;
    }
}
