using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Geo.Vectorize;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Tests.Vectorize;

public sealed class LineworkVectorizerTests
{
    private static readonly CrsCode Gk = CrsCode.Parse("EPSG:4548");

    // clean linework

    [Fact]
    public void RebuildsTheTownshipsFromTheirOwnLinework()
    {
        var result = LineworkVectorizer.Build(VectorizeFixtures.Linework(), Gk, VectorizeFixtures.Labels(), Gk);
        Assert.Empty(result.Findings);
        CheckSameAsTownships(result, 1e-9);
    }

    [Fact]
    public void RebuildsFromLonLatInput()
    {
        var toLonLat = CoordinateTransformer.Create(Gk, CrsCode.Cgcs2000);
        var lines = VectorizeFixtures.Linework().Select(l => toLonLat.Transform(l));
        var labels = VectorizeFixtures.Labels().Select(l => l with { Location = (Point)toLonLat.Transform(l.Location) });
        var result = LineworkVectorizer.Build(lines, CrsCode.Cgcs2000, labels, CrsCode.Cgcs2000);
        Assert.Equal(Gk, result.MetricCrs);
        Assert.DoesNotContain(result.Findings, f => f.Severity != VectorizeSeverity.Info);
        CheckSameAsTownships(result, 1e-6);
    }

    // under- and overshoots within the tolerance

    [Fact]
    public void ClosesUndershootsAndTrimsOvershootsAtKnownPlaces()
    {
        var lines = VectorizeFixtures.Linework();
        var degree = Degrees(lines);
        // lines whose last end is a junction and whose last segment is long enough to shorten by 0.5 m
        var eligible = Enumerable.Range(0, lines.Count)
            .Where(i => !lines[i].IsClosed && degree[lines[i].EndPoint.Coordinate] >= 3 && lines[i].Coordinates[^2].Distance(lines[i].Coordinates[^1]) > 2)
            .ToList();
        Assert.True(eligible.Count >= 20, $"only {eligible.Count} lines to perturb");
        var undershoots = eligible.Where((_, k) => k % 10 == 0).Take(5).ToList();
        var overshoots = eligible.Where((_, k) => k % 10 == 5).Take(5).ToList();
        var under = new List<Coordinate>();
        var over = new List<Coordinate>();
        foreach (var i in undershoots)
        {
            under.Add(lines[i].EndPoint.Coordinate);
            lines[i] = VectorizeFixtures.MoveEnd(lines[i], -0.5);
        }
        foreach (var i in overshoots)
        {
            lines[i] = VectorizeFixtures.MoveEnd(lines[i], 0.5);
            over.Add(lines[i].EndPoint.Coordinate);
        }

        var result = LineworkVectorizer.Build(lines, Gk, VectorizeFixtures.Labels(), Gk, new VectorizeOptions { SnapToleranceMeters = 1.0 });

        var toGk = CoordinateTransformer.Create(CrsCode.Cgcs2000, Gk);
        var closed = result.Findings.Where(f => f.Code == VectorizeFindingCode.UndershootClosed).Select(f => toGk.Transform(f.Location!).Coordinate).ToList();
        var trimmed = result.Findings.Where(f => f.Code == VectorizeFindingCode.OvershootTrimmed).Select(f => toGk.Transform(f.Location!).Coordinate).ToList();
        Assert.Equal(under.Count, closed.Count);
        Assert.Equal(over.Count, trimmed.Count);
        // an undershoot is reported at the shortened end, 0.5 m from the junction it was cut from
        Assert.All(under, junction => Assert.Contains(closed, c => Math.Abs(c.Distance(junction) - 0.5) < 0.01));
        Assert.All(over, tip => Assert.Contains(trimmed, c => c.Distance(tip) < 0.01));
        Assert.DoesNotContain(result.Findings, f => f.Severity != VectorizeSeverity.Info);
        CheckSameAsTownships(result, 1e-9);
    }

    // findings

    [Fact]
    public void ReportsMissingAndDoubledLabelsAndRealDanglesWhereTheyAre()
    {
        var townships = VectorizeFixtures.Townships.Where(t => t.Geometry is Polygon).ToList();
        var labels = VectorizeFixtures.Labels();
        var unlabelled = townships[2];
        var doubled = townships[5];
        var intruder = townships[9];
        labels.RemoveAll(l => l.Code == unlabelled.Code);
        // a second label of another code inside `doubled`, away from its own label
        var extra = Factory().CreatePoint(SecondInteriorPoint(doubled.Geometry, labels.First(l => l.Code == doubled.Code).Location.Coordinate));
        labels.Add(new LabelPoint(intruder.Code, intruder.Name, intruder.Level, intruder.ParentCode, extra));
        // a label outside the city
        var env = VectorizeFixtures.City.Divisions.Divisions[0].Geometry.EnvelopeInternal;
        var outside = Factory().CreatePoint(new Coordinate(env.MaxX + 1000, env.MaxY + 1000));
        labels.Add(new LabelPoint("120101001", "界外", DivisionLevel.Township, null, outside));
        // a real dangle: a 30 m line from a boundary vertex of a township into its interior
        var host = townships[14];
        var (root, tip) = InwardLine(host.Geometry, 30);
        var lines = VectorizeFixtures.Linework();
        lines.Add(Factory().CreateLineString([root, tip]));

        var result = LineworkVectorizer.Build(lines, Gk, labels, Gk, new VectorizeOptions { SnapToleranceMeters = 1.0 });
        var toGk = CoordinateTransformer.Create(CrsCode.Cgcs2000, Gk);

        var noLabel = Assert.Single(result.Findings, f => f.Code == VectorizeFindingCode.FaceWithoutLabel);
        Assert.Equal(VectorizeSeverity.Error, noLabel.Severity);
        Assert.True(unlabelled.Geometry.Contains(toGk.Transform(noLabel.Location!)), "the unlabelled face is reported inside the township that lost its label");
        Assert.Equal(unlabelled.Geometry.Area, noLabel.Measure, 1e-6 * unlabelled.Geometry.Area);

        var several = Assert.Single(result.Findings, f => f.Code == VectorizeFindingCode.FaceWithSeveralLabels);
        Assert.Equal(new[] { doubled.Code, intruder.Code }.Order(), several.Codes.Order());
        Assert.True(doubled.Geometry.Contains(toGk.Transform(several.Location!)), "both labels of the doubled face lie in that township");

        var lost = Assert.Single(result.Findings, f => f.Code == VectorizeFindingCode.LabelOutsideFaces);
        Assert.Equal(["120101001"], lost.Codes.ToArray());
        Assert.True(toGk.Transform(lost.Location!).Distance(outside) < 0.01);

        var dangle = Assert.Single(result.Findings, f => f.Code == VectorizeFindingCode.Dangle);
        Assert.True(toGk.Transform(dangle.Location!).Coordinate.Distance(tip) < 0.01, "the dangle is reported at the free end");
        Assert.Equal(30, dangle.Measure, 0.01);

        // the faces with problems are left out, the rest (including the dangle's township) are rebuilt
        var codes = result.MetricDivisions.Divisions.Select(d => d.Code).ToHashSet();
        Assert.DoesNotContain(unlabelled.Code, codes);
        Assert.DoesNotContain(doubled.Code, codes);
        Assert.Contains(host.Code, codes);
        Assert.Contains(intruder.Code, codes);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void LeavesAnUndershootBeyondTheToleranceAsADangle()
    {
        var lines = VectorizeFixtures.Linework();
        var degree = Degrees(lines);
        var outer = VectorizeFixtures.City.Divisions.Divisions[0].Geometry.Boundary;
        var i = lines.FindIndex(l => !l.IsClosed && degree[l.EndPoint.Coordinate] >= 3 && l.Coordinates[^2].Distance(l.Coordinates[^1]) > 10
            && outer.Distance(Factory().CreatePoint(l.Coordinates[^2])) > 10);
        lines[i] = VectorizeFixtures.MoveEnd(lines[i], -3);
        var result = LineworkVectorizer.Build(lines, Gk, VectorizeFixtures.Labels(), Gk, new VectorizeOptions { SnapToleranceMeters = 1.0 });
        var dangle = Assert.Single(result.Findings, f => f.Code == VectorizeFindingCode.Dangle);
        var toGk = CoordinateTransformer.Create(CrsCode.Cgcs2000, Gk);
        Assert.True(toGk.Transform(dangle.Location!).Coordinate.Distance(lines[i].EndPoint.Coordinate) < 0.01);
        // the two townships on either side of the open line merge into one face holding two labels
        Assert.Single(result.Findings, f => f.Code == VectorizeFindingCode.FaceWithSeveralLabels);
    }

    [Fact]
    public void RejectsNoLines() =>
        Assert.Throws<ArgumentException>(() => LineworkVectorizer.Build([], Gk, [], Gk));

    // helpers

    private static GeometryFactory Factory() => VectorizeFixtures.Factory;

    private static Dictionary<Coordinate, int> Degrees(List<LineString> lines)
    {
        var d = new Dictionary<Coordinate, int>();
        foreach (var l in lines)
        {
            d[l.StartPoint.Coordinate] = d.GetValueOrDefault(l.StartPoint.Coordinate) + 1;
            d[l.EndPoint.Coordinate] = d.GetValueOrDefault(l.EndPoint.Coordinate) + 1;
        }
        return d;
    }

    private static Coordinate SecondInteriorPoint(Geometry polygon, Coordinate avoid)
    {
        var inner = polygon.Buffer(-20);
        var best = inner.Coordinates.MaxBy(c => c.Distance(avoid))!;
        Assert.True(polygon.Contains(Factory().CreatePoint(best)));
        return new Coordinate(Math.Round(best.X, 3), Math.Round(best.Y, 3));
    }

    private static (Coordinate Root, Coordinate Tip) InwardLine(Geometry polygon, double length)
    {
        var centre = polygon.InteriorPoint.Coordinate;
        foreach (var root in ((Polygon)polygon).Shell.Coordinates)
        {
            var d = root.Distance(centre);
            var tip = new Coordinate(Math.Round(root.X + (centre.X - root.X) * length / d, 3), Math.Round(root.Y + (centre.Y - root.Y) * length / d, 3));
            var tipPoint = Factory().CreatePoint(tip);
            if (d > 3 * length && polygon.Contains(tipPoint) && polygon.Boundary.Distance(tipPoint) > 5
                && Factory().CreateLineString([root, tip]).Intersection(polygon.Boundary).NumPoints == 1)
            {
                return (root.Copy(), tip);
            }
        }
        throw new InvalidOperationException("no vertex to start an inward line from");
    }

    private static void CheckSameAsTownships(VectorizeResult result, double relative)
    {
        var expected = VectorizeFixtures.Townships.ToDictionary(t => t.Code);
        var built = result.MetricDivisions.Divisions;
        Assert.Equal(expected.Keys.Order(), built.Select(d => d.Code).Order());
        foreach (var d in built)
        {
            var original = expected[d.Code];
            Assert.Equal(original.Name, d.Name);
            Assert.Equal(original.ParentCode, d.ParentCode);
            Assert.True(Math.Abs(d.Geometry.Area - original.Geometry.Area) <= relative * original.Geometry.Area,
                $"{d.Code}: area {d.Geometry.Area} vs {original.Geometry.Area}");
            var diff = d.Geometry.SymmetricDifference(original.Geometry).Area;
            Assert.True(diff <= Math.Max(relative * original.Geometry.Area, 1e-6), $"{d.Code}: symmetric difference {diff} m²");
        }
        Assert.All(CoverageValidator.Validate([.. built.Select(d => d.Geometry)]), e => Assert.Null(e));
        Assert.All(CoverageValidator.Validate([.. result.Divisions.Divisions.Select(d => d.Geometry)]), e => Assert.Null(e));
    }
}
