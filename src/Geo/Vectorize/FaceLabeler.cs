using System.Collections.Immutable;
using System.Globalization;
using Boundaries.Geo.Model;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Boundaries.Geo.Vectorize;

/// <summary>
/// Gives each face the division of the label point inside it. A face with no label or with labels of several codes
/// is reported and left out; a label in no face is reported. Faces labelled with the same code become one division
/// (their union: a polygon when they touch along an edge, else a multipolygon).
/// </summary>
internal static class FaceLabeler
{
    public static ImmutableArray<Division> Label(IReadOnlyList<Polygon> faces, IReadOnlyList<LabelPoint> metricLabels, DivisionLevel defaultLevel, FindingSink sink)
    {
        var tree = new STRtree<int>();
        for (var i = 0; i < faces.Count; i++)
        {
            tree.Insert(faces[i].EnvelopeInternal, i);
        }
        var locators = new IndexedPointInAreaLocator?[faces.Count];
        var labelsOf = new List<LabelPoint>?[faces.Count];
        foreach (var label in metricLabels)
        {
            var at = label.Location.Coordinate;
            var face = -1;
            foreach (var i in tree.Query(new Envelope(at)).Order())
            {
                locators[i] ??= new IndexedPointInAreaLocator(faces[i]);
                if (locators[i]!.Locate(at) == Location.Interior)
                {
                    face = i;
                    break;
                }
            }
            if (face < 0)
            {
                sink.Add(VectorizeFindingCode.LabelOutsideFaces, VectorizeSeverity.Error,
                    $"label {label.Code} {label.Name} lies in no face (outside the linework or on a line)", label.Location, [label.Code], 0);
                continue;
            }
            (labelsOf[face] ??= []).Add(label);
        }

        var facesOfCode = new SortedDictionary<string, (LabelPoint Label, List<Polygon> Faces)>(StringComparer.Ordinal);
        for (var i = 0; i < faces.Count; i++)
        {
            var labels = labelsOf[i] ?? [];
            var codes = labels.Select(l => l.Code).Distinct(StringComparer.Ordinal).ToList();
            if (codes.Count == 0)
            {
                sink.Add(VectorizeFindingCode.FaceWithoutLabel, VectorizeSeverity.Error,
                    string.Create(CultureInfo.InvariantCulture, $"face of {faces[i].Area:0.###} m² holds no label"), faces[i].InteriorPoint, null, faces[i].Area);
                continue;
            }
            if (codes.Count > 1)
            {
                var points = faces[i].Factory.CreateMultiPoint([.. labels.Select(l => l.Location)]);
                sink.Add(VectorizeFindingCode.FaceWithSeveralLabels, VectorizeSeverity.Error,
                    string.Create(CultureInfo.InvariantCulture, $"face of {faces[i].Area:0.###} m² holds labels of {codes.Count} codes: {string.Join(", ", codes)}"),
                    points, codes, faces[i].Area);
                continue;
            }
            if (!facesOfCode.TryGetValue(codes[0], out var entry))
            {
                entry = (labels[0], []);
                facesOfCode[codes[0]] = entry;
            }
            entry.Faces.Add(faces[i]);
        }

        var divisions = ImmutableArray.CreateBuilder<Division>(facesOfCode.Count);
        foreach (var (code, (label, owned)) in facesOfCode)
        {
            var geometry = owned.Count == 1 ? owned[0] : Union(owned);
            divisions.Add(new Division(code, label.Name, label.Level ?? defaultLevel, label.ParentCode, geometry));
        }
        return divisions.MoveToImmutable();
    }

    /// <summary>The union of faces that share exact edges (they come from one noded linework).</summary>
    private static Geometry Union(List<Polygon> faces)
    {
        var union = CoverageUnion.Union([.. faces]);
        return union is Polygon or MultiPolygon
            ? union
            : faces[0].Factory.CreateMultiPolygon([.. Enumerable.Range(0, union.NumGeometries).Select(union.GetGeometryN).OfType<Polygon>()]);
    }
}
