using System.Collections.Immutable;
using Boundaries.Geo.Measure;
using NetTopologySuite.Algorithm.Construct;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Polygonize;

namespace Boundaries.Geo.Validation;

/// <summary>
/// Finds gaps, overlaps, slivers, near-miss edges and pieces outside the parent in one coverage: nodes the unmatched
/// segments of the <see cref="SegmentIndex"/> on the 1 mm grid, polygonizes them, and classifies each face by how
/// many members contain an interior point of it (0 = gap, 1 = clean, 2+ = overlap) and whether the parent does.
/// </summary>
internal sealed class CoverageFaces
{
    private readonly CoverageInput _input;
    private readonly ValidationRules _rules;
    private readonly IndexedPointInAreaLocator?[] _locators;
    private readonly STRtree<int> _memberTree = new();
    private readonly STRtree<SegmentIndex.Unmatched> _segmentTree = new();
    private readonly IndexedPointInAreaLocator? _parentLocator;

    private CoverageFaces(CoverageInput input, ValidationRules rules)
    {
        _input = input;
        _rules = rules;
        _locators = new IndexedPointInAreaLocator?[input.Members.Count];
        for (var i = 0; i < input.Members.Count; i++)
        {
            _memberTree.Insert(input.Members[i].EnvelopeInternal, i);
        }
        _memberTree.Build();
        _parentLocator = input.Parent is { } parent ? new IndexedPointInAreaLocator(parent) : null;
    }

    /// <summary>The findings of one coverage.</summary>
    public static List<Finding> Find(CoverageInput input, ValidationRules rules)
    {
        var geometries = input.Members.ToList();
        var signs = Enumerable.Repeat(1, geometries.Count).ToList();
        if (input.Parent is { } parent)
        {
            geometries.Add(parent);
            signs.Add(-1);
        }
        var unmatched = SegmentIndex.Find(geometries, signs);
        if (unmatched.Count == 0)
        {
            return [];
        }
        return new CoverageFaces(input, rules).Classify(unmatched);
    }

    private List<Finding> Classify(List<SegmentIndex.Unmatched> unmatched)
    {
        var f = MetricFrame.MetricFactory;
        var lines = new LineString[unmatched.Count];
        for (var k = 0; k < unmatched.Count; k++)
        {
            var u = unmatched[k];
            lines[k] = f.CreateLineString([u.A, u.B]);
            _segmentTree.Insert(lines[k].EnvelopeInternal, u);
        }
        _segmentTree.Build();
        var noded = UnaryUnionNG.Union((Geometry)f.CreateMultiLineString(lines), f.PrecisionModel);
        var polygonizer = new Polygonizer(extractOnlyPolygonal: false);
        polygonizer.Add(noded);
        var findings = new List<Finding>();
        foreach (var geometry in polygonizer.GetPolygons())
        {
            var face = (Polygon)geometry;
            if (face.Area < _rules.MinimumPieceAreaSquareMeters)
            {
                continue;
            }
            if (ClassifyFace(face) is { } finding)
            {
                findings.Add(finding);
            }
        }
        return findings;
    }

    private Finding? ClassifyFace(Polygon face)
    {
        var p = face.InteriorPoint.Coordinate;
        var containing = Containing(p);
        var inParent = _parentLocator is null || _parentLocator.Locate(p) == Location.Interior;
        if (containing.Count == 1 && inParent)
        {
            return null;
        }
        if (_parentLocator is not null && !inParent)
        {
            if (containing.Count == 0)
            {
                return null; // a hole of the parent, outside the coverage too
            }
            var codes = containing.Select(i => _input.Codes[i]).Append(_input.ParentCode!).Concat(_input.OtherCoverages(p)).ToList();
            return Piece(FindingCode.OutsideParent, face, codes, null, width: null);
        }
        if (containing.Count >= 2)
        {
            return ByWidth(FindingCode.Overlap, face, containing.Select(i => _input.Codes[i]).ToList());
        }
        var touching = Touching(face, out var touchesParent);
        var width = Width(face);
        if (_parentLocator is null && width > _rules.GapWidthMeters)
        {
            return null; // a wide hole in a coverage with no parent geometry: taken as legitimate
        }
        var code = touchesParent ? FindingCode.GapOpenToOutside : FindingCode.Gap;
        if (touchesParent)
        {
            touching.Add(_input.ParentCode!);
        }
        return ByWidth(code, face, touching, width);
    }

    private Finding? ByWidth(FindingCode code, Polygon face, List<string> codes, double? knownWidth = null)
    {
        var width = knownWidth ?? Width(face);
        var narrowCode = width <= _rules.NearMissToleranceMeters ? FindingCode.NearMissEdge
            : width <= _rules.SliverWidthMeters ? FindingCode.Sliver : code;
        return Piece(narrowCode, face, codes, code, width);
    }

    private Finding? Piece(FindingCode code, Polygon face, List<string> codes, FindingCode? wide, double? width)
    {
        if (!_rules.IsOn(code))
        {
            return null;
        }
        var location = _input.Frame.ToLonLat(face);
        var area = EllipsoidalMeasure.AreaSquareMeters(location);
        var divisions = codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        var names = string.Join(", ", divisions);
        var kind = wide == FindingCode.Overlap ? "overlap" : "gap";
        var (measure, unit, message) = code switch
        {
            FindingCode.NearMissEdge => (Round(width!.Value), "m", $"edges of {names} miss each other by up to {width:0.###} m ({kind} of {area:0.##} m² along {face.Length / 2:0.#} m)"),
            FindingCode.Sliver => (Round(width!.Value), "m", $"sliver {kind} up to {width:0.###} m wide between {names} ({area:0.##} m²)"),
            FindingCode.OutsideParent => (Round(area), "m2", $"{names}: {area:0.##} m² outside the parent {_input.ParentCode}"),
            FindingCode.Overlap => (Round(area), "m2", $"{names} overlap by {area:0.##} m² (up to {width:0.##} m wide)"),
            FindingCode.GapOpenToOutside => (Round(area), "m2", $"gap of {area:0.##} m² between {names} reaching the edge of the parent (up to {width:0.##} m wide)"),
            _ => (Round(area), "m2", $"gap of {area:0.##} m² between {names} (up to {width:0.##} m wide)"),
        };
        if (CascadesFrom(face) is { } invalid)
        {
            // Set aside: the piece is what repairing an invalid ring left, not a second defect.
            return new Finding(code, Severity.Warning, divisions, location, measure, unit, message + $" (follows from the invalid geometry of {invalid})");
        }
        return new Finding(code, Severity.Error, divisions, location, measure, unit, message);
    }

    /// <summary>The code of an invalid member whose invalid point lies at or next to the face (within the face's own size).</summary>
    private string? CascadesFrom(Polygon face)
    {
        for (var i = 0; i < _input.InvalidAt.Count; i++)
        {
            if (_input.InvalidAt[i] is { } at && face.Distance(MetricFrame.MetricFactory.CreatePoint(at)) <= Math.Sqrt(face.Area) + 1)
            {
                return _input.Codes[i];
            }
        }
        return null;
    }

    private static double Round(double v) => Math.Round(v, 3);

    /// <summary>Twice the radius of the largest circle inside the face: its greatest width.</summary>
    private static double Width(Polygon face)
    {
        var tolerance = Math.Max(0.0005, Math.Sqrt(face.Area) * 1e-3);
        return 2 * new MaximumInscribedCircle(face, tolerance).GetRadiusLine().Length;
    }

    private List<int> Containing(Coordinate p)
    {
        var result = new List<int>(2);
        foreach (var i in _memberTree.Query(new Envelope(p)))
        {
            var locator = _locators[i] ??= new IndexedPointInAreaLocator(_input.Members[i]);
            if (locator.Locate(p) == Location.Interior)
            {
                result.Add(i);
            }
        }
        result.Sort();
        return result;
    }

    /// <summary>The members whose unmatched segments bound the face along a stretch (not at a point).</summary>
    private List<string> Touching(Polygon face, out bool touchesParent)
    {
        var owners = new HashSet<int>();
        var ring = face.ExteriorRing.Coordinates;
        for (var k = 0; k + 1 < ring.Length; k++)
        {
            var mid = new Coordinate((ring[k].X + ring[k + 1].X) / 2, (ring[k].Y + ring[k + 1].Y) / 2);
            var box = new Envelope(mid);
            box.ExpandBy(0.002);
            foreach (var s in _segmentTree.Query(box))
            {
                if (NetTopologySuite.Algorithm.DistanceComputer.PointToSegment(mid, s.A, s.B) <= 0.002)
                {
                    owners.Add(s.Owner);
                }
            }
        }
        var parentIndex = _input.Members.Count;
        touchesParent = owners.Remove(parentIndex);
        return [.. owners.Order().Select(i => _input.Codes[i])];
    }
}
