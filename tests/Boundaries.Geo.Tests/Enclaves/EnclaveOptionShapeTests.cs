using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Xunit;

namespace Boundaries.Geo.Tests.Enclaves;

/// <summary>Corridor, swap, zone, neck and merge options on hand-drawn coverages in EPSG:4548 (GK metres), whose figures follow by hand.</summary>
public sealed class EnclaveOptionShapeTests
{
    private static readonly CrsCode Gk = CrsCode.Parse("EPSG:4548");
    private const double X = 500000, Y = 4300000;

    private static Division D(string code, string wkt) => new(code, code, DivisionLevel.Township, null, new WKTReader().Read(wkt));

    private static string Box(double x0, double y0, double x1, double y1) =>
        $"({X + x0} {Y + y0}, {X + x1} {Y + y0}, {X + x1} {Y + y1}, {X + x0} {Y + y1}, {X + x0} {Y + y0})";

    /// <summary>A: main 0–1000 and a 200 × 200 piece at x 1100–1300 inside B (gap 100 m); B: 1000–2000 with the hole; C above both.</summary>
    private static DivisionSet CorridorCase() => new(
    [
        D("A", $"MULTIPOLYGON(({Box(0, 0, 1000, 1000)}), ({Box(1100, 400, 1300, 600)}))"),
        D("B", $"POLYGON({Box(1000, 0, 2000, 1000)}, {Box(1100, 400, 1300, 600)})"),
        D("C", $"POLYGON({Box(0, 1000, 2000, 2000)})"),
    ], Gk);

    private static void AssertClean(DivisionSet set)
    {
        // the hand-drawn codes are letters: MalformedCode is expected; any other error (gap, overlap, invalid ring) is not
        var errors = CoverageChecker.Check(set).Findings.Where(f => f.Severity.ToString() == "Error" && f.Code.ToString() != "MalformedCode").ToList();
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(f => $"{f.Code} {string.Join(",", f.Divisions)} {f.Message}")));
    }

    private static Geometry Of(DivisionSet set, string code) => set.Divisions.Single(d => d.Code == code).Geometry;

    [Fact]
    public void Corridor_JoinsThePieceAcrossTheNarrowGap_WithTheFiguresByHand()
    {
        var set = CorridorCase();
        var findings = EnclaveFinder.Find(set);
        var f = Assert.Single(findings);
        Assert.Equal(EnclaveClass.Enclave, f.Class);
        var options = EnclaveResolver.Options(set, findings, null, ResolverSettings.Default);
        var corridor = Assert.Single(options, o => o.Kind == ResolutionKind.Corridor);
        var move = Assert.Single(corridor.Moves);
        Assert.Equal(("B", "A"), (move.From, move.To));
        // a 20 m strip across the 100 m gap: 2000 m² (ellipsoidal: GK scale near the central meridian ≈ 1)
        Assert.InRange(corridor.Score.AreaMovedSquareMeters, 1990, 2010);
        // A|B border 1800 m before; after: main edge 980 + piece ring 780 + two sides of 100 = 1960
        Assert.Equal(160, corridor.Score.BoundaryLengthChangeMeters, 0.01);
        Assert.Equal(200, corridor.Score.NewBoundaryMeters, 0.01);
        Assert.Equal(0, corridor.Score.JunctionsCreated);
        Assert.Equal(corridor.Score.AreaMovedSquareMeters / 1e4 + 0.16, corridor.Score.Cost, 6);
        // cheaper than giving the 4 ha piece away, so the plan takes it
        var plan = EnclavePlanner.Plan(options);
        Assert.Equal(ResolutionKind.Corridor, plan.Choices[0].Kind);
        var (after, applied) = EnclaveApplier.Apply(set, plan, DivisionLevel.Township);
        Assert.Single(applied);
        Assert.Equal(1, Of(after, "A").NumGeometries);
        Assert.Equal(1, Of(after, "B").NumGeometries);
        Assert.Equal(Of(set, "A").Area + 2000, Of(after, "A").Area, 1e-3);
        Assert.Equal(Of(set, "B").Area - 2000, Of(after, "B").Area, 1e-3);
        AssertClean(after);
        Assert.Empty(EnclaveFinder.Find(after));
    }

    [Fact]
    public void Corridor_IsNotOffered_WhenTheGapIsWiderThanTheLimit_OrWhenOff()
    {
        var set = CorridorCase();
        var findings = EnclaveFinder.Find(set);
        Assert.DoesNotContain(EnclaveResolver.Options(set, findings, null, ResolverSettings.Default with { CorridorMaxMeters = 99 }), o => o.Kind == ResolutionKind.Corridor);
        Assert.DoesNotContain(EnclaveResolver.Options(set, findings, null, ResolverSettings.TransfersOnly), o => o.Kind == ResolutionKind.Corridor);
        Assert.Contains(EnclaveResolver.Options(set, findings, null, ResolverSettings.Default with { CorridorMaxMeters = 101 }), o => o.Kind == ResolutionKind.Corridor);
    }

    [Fact]
    public void Corridor_ThatWouldCutTheGiverInTwo_IsNotOffered()
    {
        // B is only a 50 m band between A's main part and A's piece beyond it : a corridor across B cuts B in two.
        var set = new DivisionSet(
        [
            D("A", $"MULTIPOLYGON(({Box(0, 0, 1000, 1000)}), ({Box(1050, 0, 2000, 1000)}))"),
            D("B", $"POLYGON({Box(1000, -1000, 1050, 2000)})"),
        ], Gk);
        var findings = EnclaveFinder.Find(set);
        Assert.Single(findings);
        var options = EnclaveResolver.Options(set, findings, null, ResolverSettings.Default);
        Assert.DoesNotContain(options, o => o.Kind == ResolutionKind.Corridor);
    }

    [Fact]
    public void Swap_PairsOppositeTransfers_AndTheGreedyPlannerTakesBothHalvesUnderATightAreaLimit()
    {
        // A's 4 ha piece inside B, B's 4 ha piece inside A (far from each other's main parts: no corridor)
        var set = new DivisionSet(
        [
            D("A", $"MULTIPOLYGON(({Box(0, 0, 1000, 1000)}, {Box(400, 400, 600, 600)}), ({Box(1400, 400, 1600, 600)}))"),
            D("B", $"MULTIPOLYGON(({Box(1000, 0, 2000, 1000)}, {Box(1400, 400, 1600, 600)}), ({Box(400, 400, 600, 600)}))"),
        ], Gk);
        var findings = EnclaveFinder.Find(set);
        Assert.Equal(2, findings.Length);
        var options = EnclaveResolver.Options(set, findings, null, ResolverSettings.Default);
        var halves = options.Where(o => o.Kind == ResolutionKind.Swap).ToList();
        Assert.Equal(2, halves.Count);
        Assert.Equal(halves[0], SwapOptions.PartnerOf(halves[1], options));
        var limit = new PlanConstraints { MaxNetAreaChangeSquareMeters = 100 };
        var plan = EnclavePlanner.Plan(options, limit);
        Assert.All(plan.Choices, c => Assert.Equal(ResolutionKind.Swap, c.Kind));
        // without swaps no single transfer fits the limit
        var single = EnclavePlanner.Plan(EnclaveResolver.Options(set, findings, null, ResolverSettings.Default with { Swaps = false }), limit);
        Assert.All(single.Choices, c => Assert.Equal(ResolutionKind.Keep, c.Kind));
        var (after, _) = EnclaveApplier.Apply(set, plan, DivisionLevel.Township);
        Assert.All(after.Divisions, d => Assert.Equal(1, d.Geometry.NumGeometries));
        Assert.Equal(Of(set, "A").Area, Of(after, "A").Area, 1e-3);
        AssertClean(after);
    }

    /// <summary>A: main 0–1000, a 20 m neck from x 1000 to 1300 (y 490–510) and a 400 × 400 lobe at 1300–1700; B: the rest of 1000–2000.</summary>
    private static DivisionSet NeckCase()
    {
        var a = $"POLYGON(({X} {Y}, {X + 1000} {Y}, {X + 1000} {Y + 490}, {X + 1300} {Y + 490}, {X + 1300} {Y + 300}, {X + 1700} {Y + 300}, {X + 1700} {Y + 700}, {X + 1300} {Y + 700}, {X + 1300} {Y + 510}, {X + 1000} {Y + 510}, {X + 1000} {Y + 1000}, {X} {Y + 1000}, {X} {Y}))";
        var reader = new WKTReader();
        var aGeom = reader.Read(a);
        var b = reader.Read($"POLYGON({Box(1000, 0, 2000, 1000)})").Difference(aGeom);
        return new DivisionSet([new("A", "A", DivisionLevel.Township, null, aGeom), new("B", "B", DivisionLevel.Township, null, b)], Gk);
    }

    [Fact]
    public void PracticalNeck_OffersTheLobeToTheHost_AndWideningTheNeck_BothApplyClean()
    {
        var set = NeckCase();
        var findings = EnclaveFinder.Find(set, new EnclaveOptions { NeckWidthMeters = 50 });
        var f = Assert.Single(findings);
        Assert.Equal(EnclaveClass.PracticalNeck, f.Class);
        var options = EnclaveResolver.Options(set, findings, null, ResolverSettings.Default);
        var transfer = Assert.Single(options, o => o.Kind == ResolutionKind.TransferZone);
        Assert.Equal(("A", "B"), (transfer.From, transfer.To));
        Assert.InRange(transfer.Score.AreaMovedSquareMeters, 160_000, 170_000); // the 16 ha lobe and part of the neck
        var widen = Assert.Single(options, o => o.Kind == ResolutionKind.WidenNeck);
        Assert.All(widen.Moves, m => Assert.Equal(("B", "A"), (m.From, m.To)));
        Assert.True(widen.Score.AreaMovedSquareMeters > 300 * 30, "the strip is at least the neck's length times the missing width");
        foreach (var option in new[] { transfer, widen })
        {
            var plan = new EnclavePlan([option], option.Score.Cost, "test");
            var (after, _) = EnclaveApplier.Apply(set, plan, DivisionLevel.Township);
            AssertClean(after);
            Assert.Equal(set.Divisions.Sum(d => d.Geometry.Area), after.Divisions.Sum(d => d.Geometry.Area), 1e-3);
            Assert.Empty(EnclaveFinder.Find(after, new EnclaveOptions { NeckWidthMeters = 50 }));
        }
    }

    [Fact]
    public void ManagementZone_GoesToTheManagingDivision()
    {
        var set = new DivisionSet([D("A", $"POLYGON({Box(0, 0, 1000, 1000)})"), D("B", $"POLYGON({Box(1000, 0, 2000, 1000)})")], Gk);
        var zone = new WKTReader().Read($"POLYGON({Box(800, 300, 1000, 500)})");
        var findings = EnclaveFinder.Find(set, new EnclaveOptions { ManagementZones = [new ManagementZone(zone, "B")] });
        var f = Assert.Single(findings);
        Assert.Equal(EnclaveClass.Management, f.Class);
        var options = EnclaveResolver.Options(set, findings, null, ResolverSettings.Default);
        var transfer = Assert.Single(options, o => o.Kind == ResolutionKind.TransferZone);
        Assert.Equal(("A", "B"), (transfer.From, transfer.To));
        Assert.InRange(transfer.Score.AreaMovedSquareMeters, 39_900, 40_100);
        // border 1000 m → 800 m left of x = 1000 plus the zone's three other sides (600 m) = 1400 m
        Assert.Equal(400, transfer.Score.BoundaryLengthChangeMeters, 0.01);
        var (after, _) = EnclaveApplier.Apply(set, EnclavePlanner.Plan(options), DivisionLevel.Township);
        Assert.Equal(1_040_000, Of(after, "B").Area, 1e-3);
        AssertClean(after);
    }

    [Fact]
    public void Surrounded_IsMergedOnlyWhenAsked_AndTheMergedCodeEnds()
    {
        var set = new DivisionSet([D("A", $"POLYGON({Box(0, 0, 1000, 1000)}, {Box(400, 400, 600, 600)})"), D("S", $"POLYGON({Box(400, 400, 600, 600)})")], Gk);
        var findings = EnclaveFinder.Find(set);
        Assert.Equal(EnclaveClass.Surrounded, Assert.Single(findings).Class);
        Assert.DoesNotContain(EnclaveResolver.Options(set, findings, null, ResolverSettings.Default), o => o.Kind == ResolutionKind.Merge);
        var options = EnclaveResolver.Options(set, findings, null, ResolverSettings.Default with { MergeSurrounded = true });
        var merge = Assert.Single(options, o => o.Kind == ResolutionKind.Merge);
        Assert.Equal(("S", "A"), (merge.From, merge.To));
        Assert.Equal(-800, merge.Score.BoundaryLengthChangeMeters, 0.01);
        var (after, _) = EnclaveApplier.Apply(set, EnclavePlanner.Plan(options), DivisionLevel.Township);
        var a = Assert.Single(after.Divisions);
        Assert.Equal("A", a.Code);
        Assert.Equal(1_000_000, a.Geometry.Area, 1e-3);
        Assert.Equal(0, ((Polygon)a.Geometry).NumInteriorRings);
    }
}
