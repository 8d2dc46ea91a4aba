using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Xunit;
using Xunit.Abstractions;

namespace Boundaries.Geo.Tests.Enclaves;

/// <summary>New boundaries moved onto a road; every new kind of option applied alone on the sample city.</summary>
public sealed class EnclaveFollowTests(ITestOutputHelper log)
{
    private static readonly CrsCode Gk = CrsCode.Parse("EPSG:4548");
    private const double X = 500000, Y = 4300000;

    private static string Box(double x0, double y0, double x1, double y1) =>
        $"({X + x0} {Y + y0}, {X + x1} {Y + y0}, {X + x1} {Y + y1}, {X + x0} {Y + y1}, {X + x0} {Y + y0})";

    [Fact]
    public void ManagedZone_ItsCutMovesOntoTheRoad10mAway()
    {
        var reader = new WKTReader();
        var set = new DivisionSet(
        [
            new("A", "A", DivisionLevel.Township, null, reader.Read($"POLYGON({Box(0, 0, 1000, 1000)})")),
            new("B", "B", DivisionLevel.Township, null, reader.Read($"POLYGON({Box(1000, 0, 2000, 1000)})")),
        ], Gk);
        var zone = reader.Read($"POLYGON({Box(800, 300, 1000, 500)})");
        var road = reader.Read($"LINESTRING({X + 790} {Y}, {X + 790} {Y + 1000})");
        var findings = EnclaveFinder.Find(set, new EnclaveOptions { ManagementZones = [new ManagementZone(zone, "B")] });
        var inputs = new ScoringInputs { Lines = road };
        var options = EnclaveResolver.Options(set, findings, inputs, ResolverSettings.Default with { FollowToleranceMeters = 30 });
        var zones = options.Where(o => o.Kind == ResolutionKind.TransferZone).ToList();
        Assert.Equal(2, zones.Count);
        var plain = zones[0];
        var snapped = zones[1];
        Assert.InRange(plain.Score.AreaMovedSquareMeters, 39_900, 40_100);
        // the band between x = 790 and 800 from y 271.7 to 528.3, closed by two 30 m segments to the zone's corners: 10 × (256.6 + 200) / 2
        Assert.InRange(snapped.Score.AreaMovedSquareMeters, 40_000 + 2_250, 40_000 + 2_320);
        var piece = Assert.Single(snapped.Moves).Piece;
        var metricPiece = CoordinateTransformer.Create(CrsCode.Cgcs2000, Gk).Transform(piece);
        // the new boundary lies on the road for ~256 m (the piece's boundary within 1 cm of the road)
        Assert.InRange(metricPiece.Boundary.Intersection(road.Buffer(0.01)).Length, 250, 260);
        // share within the scoring tolerance (30 m) of the road: plain 240 / 600; snapped (256.6 + 60 + 40) / 716.6
        Assert.Equal(0.4, plain.Score.NewBoundaryFollowingShare!.Value, 3);
        Assert.InRange(snapped.Score.NewBoundaryFollowingShare!.Value, 0.49, 0.51);
        var (after, _) = EnclaveApplier.Apply(set, new EnclavePlan([snapped], snapped.Score.Cost, "test"), DivisionLevel.Township);
        Assert.Equal(1_000_000 + snapped.Score.AreaMovedSquareMeters, after.Divisions.Single(d => d.Code == "B").Geometry.Area, 5);
        var errors = CoverageChecker.Check(after).Findings.Where(f => f.Severity.ToString() == "Error" && f.Code.ToString() != "MalformedCode").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void OnTheSampleCity_EveryNewOptionAppliedAlone_AddsNoErrorAndConservesArea()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 1 });
        var layers = ScoringLayersGenerator.Generate(city, 1);
        var factory = city.Divisions.Divisions[0].Geometry.Factory;
        var findings = EnclaveFinder.Find(city.Divisions, new EnclaveOptions
        {
            Level = DivisionLevel.Township,
            NeckWidthMeters = 60,
            Roads = factory.BuildGeometry(layers.Roads),
            ManagementPoints = [.. layers.Addresses.Select(a => new ManagedPoint(a.Location, a.ManagerCode))],
        });
        var inputs = new ScoringInputs
        {
            Addresses = [.. layers.Addresses.Select(a => (a.Location, a.People, a.Households))],
            Lines = layers.Lines(factory),
        };
        var options = EnclaveResolver.Options(city.Divisions, findings, inputs, ResolverSettings.Default with { FollowToleranceMeters = 40 });
        var moved = options.Where(o => o.HasMoves).ToList();
        log.WriteLine($"{findings.Length} findings: {string.Join(", ", findings.GroupBy(f => f.Class).Select(g => $"{g.Key} {g.Count()}"))}");
        log.WriteLine($"options: {string.Join(", ", options.GroupBy(o => o.Kind).Select(g => $"{g.Key} {g.Count()}"))}");
        // every access and management finding of the layers' truth gets a zone transfer
        foreach (var f in findings.Select((f, i) => (f, i)).Where(p => p.f.Class is EnclaveClass.PracticalAccess or EnclaveClass.Management))
        {
            log.WriteLine($"{f.i} {f.f.Class} {f.f.Owner} [{string.Join(",", f.f.Hosts)}] {f.f.AreaSquareMeters:0} m² {f.f.Evidence.Note}: {moved.Count(o => o.Finding == f.i)} zone options; gap to the first host {CoordinateTransformer.Create(CrsCode.Cgcs2000, city.Divisions.Crs).Transform(f.f.Geometry).Distance(city.Divisions.Divisions.Single(d => d.Code == f.f.Hosts[0]).Geometry):0.#} m");
        }
        foreach (var f in findings.Select((f, i) => (f, i)).Where(p => p.f.Class is EnclaveClass.PracticalAccess or EnclaveClass.Management))
        {
            Assert.Contains(moved, o => o.Finding == f.i && o.Kind == ResolutionKind.TransferZone);
        }
        var before = CoverageChecker.Check(city.Divisions).Findings.Count(f => f.Severity.ToString() == "Error");
        var area = city.Divisions.OfLevel(DivisionLevel.Township).Sum(d => d.Geometry.Area);
        foreach (var o in moved)
        {
            var (after, _) = EnclaveApplier.Apply(city.Divisions, new EnclavePlan([o], o.Score.Cost, "test"), DivisionLevel.Township);
            var errors = CoverageChecker.Check(after).Findings.Where(f => f.Severity.ToString() == "Error").ToList();
            Assert.True(errors.Count <= before, $"{o.Kind} of finding {o.Finding}: {string.Join("; ", errors.Select(e => e.Message))}");
            Assert.Equal(area, after.OfLevel(DivisionLevel.Township).Sum(d => d.Geometry.Area), 1e-2);
            var receiver = o.Moves.Select(m => m.To).Distinct().ToList();
            Assert.All(receiver, code => Assert.True(after.OfLevel(DivisionLevel.Township).Single(d => d.Code == code).Geometry.Area
                > city.Divisions.OfLevel(DivisionLevel.Township).Single(d => d.Code == code).Geometry.Area));
            if (o.Score.NewBoundaryFollowingShare is { } share)
            {
                Assert.InRange(share, 0, 1);
            }
        }
        // the road-following variants: same finding, a different piece, a following share at least the plain one's
        var variants = moved.Where(o => o.Kind == ResolutionKind.TransferZone).GroupBy(o => o.Finding).Where(g => g.Count() > 1).ToList();
        log.WriteLine($"{variants.Count} zone transfers with a road-following variant");
        Assert.NotEmpty(variants);
        Assert.Contains(variants, g => g.Last().Score.NewBoundaryFollowingShare > g.First().Score.NewBoundaryFollowingShare);
    }
}
