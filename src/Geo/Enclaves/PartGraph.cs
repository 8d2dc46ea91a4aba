using System.Collections.Immutable;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// The parts (polygons) of one level's divisions and the lengths they share: every ring segment is matched exactly
/// (same two vertices) with the segment of the part on its other side, as <see cref="Topology.EdgeTopology"/> does, so
/// adjacency is by a shared edge of positive length only; unmatched segments are the outer edge.
/// </summary>
internal sealed class PartGraph
{
    private PartGraph(List<Part> parts) => Parts = parts;

    /// <summary>All parts of the level.</summary>
    public List<Part> Parts { get; }

    public static PartGraph Build(IReadOnlyList<Division> divisions, bool lonLat)
    {
        var parts = new List<Part>();
        foreach (var d in divisions)
        {
            var count = d.Geometry.NumGeometries;
            for (var k = 0; k < count; k++)
            {
                if (d.Geometry.GetGeometryN(k) is Polygon p && !p.IsEmpty)
                {
                    parts.Add(new Part(parts.Count, d, k, count, p));
                }
            }
        }
        var open = new Dictionary<SegmentKey, (int Part, double Length)>();
        foreach (var part in parts)
        {
            AddRing(part.Polygon.ExteriorRing, part.Index, lonLat, open, parts);
            for (var h = 0; h < part.Polygon.NumInteriorRings; h++)
            {
                AddRing(part.Polygon.GetInteriorRingN(h), part.Index, lonLat, open, parts);
            }
        }
        foreach (var (_, (owner, length)) in open)
        {
            parts[owner].OuterMeters += length;
        }
        return new PartGraph(parts);
    }

    private static void AddRing(LineString ring, int owner, bool lonLat, Dictionary<SegmentKey, (int Part, double Length)> open, List<Part> parts)
    {
        var seq = ring.CoordinateSequence;
        for (var k = 1; k < seq.Count; k++)
        {
            double x0 = seq.GetX(k - 1), y0 = seq.GetY(k - 1), x1 = seq.GetX(k), y1 = seq.GetY(k);
            if (x0 == x1 && y0 == y1)
            {
                continue;
            }
            var scale = lonLat ? 1e8 : 1e3;
            long a0 = (long)Math.Round(x0 * scale), b0 = (long)Math.Round(y0 * scale), a1 = (long)Math.Round(x1 * scale), b1 = (long)Math.Round(y1 * scale);
            if (a0 == a1 && b0 == b1)
            {
                continue;
            }
            var key = a0 < a1 || (a0 == a1 && b0 < b1) ? new SegmentKey(a0, b0, a1, b1) : new SegmentKey(a1, b1, a0, b0);
            if (open.Remove(key, out var other) && other.Part != owner)
            {
                Record(parts, owner, other.Part, other.Length);
                Record(parts, other.Part, owner, other.Length);
            }
            else
            {
                open[key] = (owner, Length(x0, y0, x1, y1, lonLat));
            }
        }
    }

    /// <summary>Planar length in a metric CRS; in lon/lat, the local-scale approximation (good to ~0.5% for short segments).</summary>
    private static double Length(double x0, double y0, double x1, double y1, bool lonLat)
    {
        if (!lonLat)
        {
            return Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
        }
        var lat = (y0 + y1) / 2 * Math.PI / 180;
        var dx = (x1 - x0) * 111_320 * Math.Cos(lat);
        var dy = (y1 - y0) * (111_132.95 - 559.85 * Math.Cos(2 * lat));
        return Math.Sqrt(dx * dx + dy * dy);
    }

    private static void Record(List<Part> parts, int self, int other, double length)
    {
        var n = parts[self].Neighbours;
        n[other] = n.GetValueOrDefault(other) + length;
    }

    /// <summary>A segment's end points on the grid (1 mm in metres, 1e-8° in lon/lat), lower end first.</summary>
    private readonly record struct SegmentKey(long X0, long Y0, long X1, long Y1);

    /// <summary>One polygon of a division, with the lengths it shares with every neighbouring part.</summary>
    internal sealed class Part(int index, Division division, int partIndex, int partCount, Polygon polygon)
    {
        public int Index { get; } = index;
        public Division Division { get; } = division;
        public string Code => Division.Code;
        public int PartIndex { get; } = partIndex;
        public int PartCount { get; } = partCount;
        public Polygon Polygon { get; } = polygon;
        public Dictionary<int, double> Neighbours { get; } = [];
        public double OuterMeters { get; set; }
        public bool IsMain { get; set; }

        /// <summary>Shared length per other division, longest first (parts of the owner itself excluded).</summary>
        public ImmutableArray<SharedBorder> Borders(List<Part> all) =>
        [
            .. Neighbours
                .Where(n => all[n.Key].Code != Code && n.Value > 0)
                .GroupBy(n => all[n.Key].Code, StringComparer.Ordinal)
                .Select(g => new SharedBorder(g.Key, g.Sum(x => x.Value)))
                .OrderByDescending(b => b.LengthMeters).ThenBy(b => b.Code, StringComparer.Ordinal),
        ];
    }
}
