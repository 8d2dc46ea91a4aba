using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// Applies a resolution's <see cref="EnclaveResolution.Moves"/>: in the metric plane on the 1 mm grid (the grid the
/// checker matches edges on, so vertices that only go there and back stay equal to the neighbours' for the checker),
/// each piece is cut out of its giver as the giver holds it now and unioned into the receiver; the parents change too
/// when giver and receiver have different parents. A division left with no area (a merge) is removed and its children
/// take the receiver as their parent.
/// </summary>
internal static class PieceMoves
{
    public static void Apply(DivisionSet set, List<Division> divisions, EnclaveResolution r, DivisionLevel level)
    {
        var frame = MetricFrame.For(set.Crs, divisions.Where(d => d.Level == level).Select(d => d.Geometry));
        var toSource = set.Crs.Kind == CrsKind.GaussKruger ? CoordinateTransformer.Create(CrsCode.Cgcs2000, set.Crs) : null;
        int IndexOf(DivisionLevel l, string code) =>
            divisions.FindIndex(d => d.Level == l && d.Code == code) is var i and >= 0 ? i : throw new ArgumentException($"division {code} ({l.Name()}) is not in the set", nameof(r));
        Geometry Back(Geometry metric, Geometry like)
        {
            var g = toSource is null ? frame.ToLonLat(metric) : like.Factory.CreateGeometry(metric);
            g.SRID = like.SRID;
            return g.NumGeometries == 1 ? g.GetGeometryN(0) : g;
        }
        void Move(int from, int to, Geometry piece, out Geometry taken)
        {
            var fromMetric = frame.ToMetric(divisions[from].Geometry, out _);
            taken = OptionContext.Overlay(fromMetric, piece, SpatialFunction.Intersection);
            var rest = OptionContext.Overlay(fromMetric, taken, SpatialFunction.Difference);
            if (r.Kind == ResolutionKind.Merge && rest.Area < 1)
            {
                rest = rest.Factory.CreatePolygon(); // the merged division's last slivers (a round trip through lon/lat) go with it
            }
            var grown = OptionContext.Overlay(frame.ToMetric(divisions[to].Geometry, out _), taken, SpatialFunction.Union);
            divisions[from] = divisions[from] with { Geometry = rest.IsEmpty ? rest : Back(rest, divisions[from].Geometry) };
            divisions[to] = divisions[to] with { Geometry = Back(grown, divisions[to].Geometry) };
        }
        foreach (var m in r.Moves)
        {
            var from = IndexOf(level, m.From);
            var to = IndexOf(level, m.To);
            var piece = frame.ToMetric(toSource is null ? m.Piece : toSource.Transform(m.Piece), out _);
            Move(from, to, piece, out var taken);
            var fromParent = divisions[from].ParentCode;
            var toParent = divisions[to].ParentCode;
            if (fromParent is not null && toParent is not null && fromParent != toParent && level > DivisionLevel.Province && taken.Area > 0)
            {
                var pf = divisions.FindIndex(d => d.Level == level - 1 && d.Code == fromParent);
                var pt = divisions.FindIndex(d => d.Level == level - 1 && d.Code == toParent);
                if (pf >= 0 && pt >= 0)
                {
                    Move(pf, pt, taken, out _);
                }
            }
            if (divisions[from].Geometry.IsEmpty)
            {
                var gone = divisions[from];
                divisions.RemoveAt(from);
                for (var i = 0; i < divisions.Count; i++)
                {
                    if (divisions[i].Level == level + 1 && divisions[i].ParentCode == gone.Code)
                    {
                        divisions[i] = divisions[i] with { ParentCode = m.To };
                    }
                }
            }
        }
    }
}
