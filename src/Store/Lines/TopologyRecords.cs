using System.Collections.Immutable;
using System.Globalization;
using Boundaries.Geo.Topology;

namespace Boundaries.Store.Lines;

/// <summary>The lines and nodes of one topology build, keyed for the store.</summary>
/// <param name="Lines">The lines, each code once.</param>
/// <param name="Nodes">The nodes.</param>
public sealed record TopologyRecords(ImmutableArray<LineRecord> Lines, ImmutableArray<NodeRecord> Nodes)
{
    /// <summary>
    /// Keys the lines of <paramref name="topology"/> (from <c>EdgeTopology.Build</c>, in lon/lat) by their two sides:
    /// <c>A/B</c> with the two division codes in ordinal order (<c>-</c> for the outside), and <c>A/B/2</c>, <c>A/B/3</c>… for
    /// further stretches between the same two, in line-id order.
    /// </summary>
    public static TopologyRecords From(BoundaryTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = ImmutableArray.CreateBuilder<LineRecord>(topology.Lines.Length);
        foreach (var line in topology.Lines.OrderBy(l => l.Level).ThenBy(l => l.Id))
        {
            var (a, b) = (line.Left ?? "-", line.Right ?? "-");
            if (string.CompareOrdinal(a, b) > 0)
            {
                (a, b) = (b, a);
            }
            var key = $"{a}/{b}";
            var n = seen[key] = seen.GetValueOrDefault(key) + 1;
            var code = n == 1 ? key : string.Create(CultureInfo.InvariantCulture, $"{key}/{n}");
            lines.Add(new LineRecord(code, line.Level, line.Left, line.Right, line.Geometry, line.LengthMeters));
        }
        var nodes = topology.Nodes.Select(n => new NodeRecord(n.Level, n.Geometry, n.Degree, n.Divisions, n.TouchesOutside));
        return new TopologyRecords(lines.MoveToImmutable(), [.. nodes]);
    }
}
