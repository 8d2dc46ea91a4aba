using System.Collections.Immutable;
using Boundaries.Geo.Model;
using Boundaries.Geo.Topology;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// The parts (polygons) of one level's divisions and the edges they share, built with <see cref="EdgeTopology"/> on
/// a set where every part is its own pseudo-division: adjacency is by a shared edge of positive length only.
/// </summary>
internal sealed class PartGraph
{
    private const char Separator = '\u001f';

    private PartGraph(List<Part> parts) => Parts = parts;

    /// <summary>All parts of the level.</summary>
    public List<Part> Parts { get; }

    public static PartGraph Build(DivisionLevel level, IReadOnlyList<Division> divisions, DivisionSet set)
    {
        var parts = new List<Part>();
        var pseudo = ImmutableArray.CreateBuilder<Division>();
        foreach (var d in divisions)
        {
            var count = d.Geometry.NumGeometries;
            for (var k = 0; k < count; k++)
            {
                if (d.Geometry.GetGeometryN(k) is not Polygon p || p.IsEmpty)
                {
                    continue;
                }
                var part = new Part(parts.Count, d, k, count, p);
                parts.Add(part);
                pseudo.Add(new Division(Key(part.Index), d.Name, level, null, p));
            }
        }
        var topology = EdgeTopology.Build(new DivisionSet(pseudo.ToImmutable(), set.Crs));
        foreach (var line in topology.Lines)
        {
            var left = line.Left is null ? -1 : IndexOf(line.Left);
            var right = line.Right is null ? -1 : IndexOf(line.Right);
            if (left == right)
            {
                continue;
            }
            Record(parts, left, right, line.LengthMeters);
            Record(parts, right, left, line.LengthMeters);
        }
        foreach (var node in topology.Nodes)
        {
            foreach (var code in node.Divisions)
            {
                var part = parts[IndexOf(code)];
                if (node.Divisions.Select(c => parts[IndexOf(c)].Division.Code).Distinct(StringComparer.Ordinal).Count() >= 3)
                {
                    part.TriJunctions.Add(node.Geometry);
                }
            }
        }
        return new PartGraph(parts);
    }

    private static void Record(List<Part> parts, int self, int other, double length)
    {
        if (self < 0)
        {
            return;
        }
        if (other < 0)
        {
            parts[self].OuterMeters += length;
        }
        else
        {
            var n = parts[self].Neighbours;
            n[other] = n.GetValueOrDefault(other) + length;
        }
    }

    private static string Key(int index) => $"p{Separator}{index}";

    private static int IndexOf(string key) => int.Parse(key.AsSpan(key.IndexOf(Separator) + 1), System.Globalization.CultureInfo.InvariantCulture);

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
        public List<Point> TriJunctions { get; } = [];
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
