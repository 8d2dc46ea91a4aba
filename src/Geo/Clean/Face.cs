using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Clean;

/// <summary>
/// One face of a coverage's noded linework: its polygon, its winding number for each member (and, last, for the
/// parent), and the length of border it shares with each neighbouring face (-1 is the unbounded outside).
/// </summary>
internal sealed class Face(Polygon polygon, int members)
{
    public Polygon Polygon { get; } = polygon;

    public int[] Winding { get; } = new int[members + 1];

    public Dictionary<int, double> Borders { get; } = [];

    public bool Visited { get; set; }

    /// <summary>The diameter of the largest inscribed circle, once computed.</summary>
    public double? WidthMeters { get; set; }

    /// <summary>The members whose interior holds the face, in member order.</summary>
    public List<int> Claimants()
    {
        var list = new List<int>(2);
        for (var m = 0; m < Winding.Length - 1; m++)
        {
            if (Winding[m] > 0)
            {
                list.Add(m);
            }
        }
        return list;
    }
}
