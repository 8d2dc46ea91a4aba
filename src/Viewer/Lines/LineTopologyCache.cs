using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Geo.Topology;
using Boundaries.Viewer.Sources;

namespace Boundaries.Viewer.Lines;

/// <summary>
/// The edge topology of the divisions in force now (valid_to empty), built once per loaded snapshot; and the version
/// token of a line (a hash of its sides and vertices), which changes whenever the line does.
/// </summary>
internal static class LineTopologyCache
{
    private static readonly ConditionalWeakTable<BoundarySnapshot, BoundaryTopology> Built = [];

    public static BoundaryTopology For(BoundarySnapshot snapshot) =>
        Built.GetValue(snapshot, s => EdgeTopology.Build(new DivisionSet([.. Current(s.Locator.Divisions)], CrsCode.Cgcs2000)));

    public static IEnumerable<Division> Current(IEnumerable<Division> divisions) => divisions.Where(d => d.ValidTo is null);

    public static string Version(BoundaryLine line)
    {
        var text = new StringBuilder().Append(line.Level.Name()).Append('|').Append(line.Left).Append('|').Append(line.Right);
        foreach (var c in line.Geometry.Coordinates)
        {
            text.Append('|').Append(c.X.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
                .Append(',').Append(c.Y.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
