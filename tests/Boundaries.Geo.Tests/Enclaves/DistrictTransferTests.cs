using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Geo.Validation;
using Xunit;
using Xunit.Abstractions;

namespace Boundaries.Geo.Tests.Enclaves;

/// <summary>A district change carries its townships: whole townships move with a new code, cut ones give the cut part
/// to the receiving district's township with the longest border; the validator finds nothing new in the hierarchy.</summary>
public sealed class DistrictTransferTests(ITestOutputHelper log)
{
    private static readonly FindingCode[] Hierarchy =
        [FindingCode.OutsideParent, FindingCode.ChildrenDoNotCoverParent, FindingCode.CodePrefixMismatch, FindingCode.LevelCodeMismatch,
         FindingCode.DuplicateCode, FindingCode.Gap, FindingCode.GapOpenToOutside, FindingCode.Overlap];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EnclavesOnlyCity_DistrictTransfers_CarryTownships_NoHierarchyFinding(long seed)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Size = CitySize.Small, Dirty = EnclaveTruth.EnclavesOnly with { DistrictEnclave = true } });
        var whole = city.Truth.Defects.Single(d => d.Class == DefectClasses.DistrictEnclaveTownship);
        var part = city.Truth.Defects.Single(d => d.Class == DefectClasses.DistrictEnclave);
        Assert.Empty(CoverageChecker.Check(city.Divisions).Findings.Where(f => f.Severity == Severity.Error));

        var findings = EnclaveFinder.Find(city.Divisions, new EnclaveOptions { Level = DivisionLevel.District });
        foreach (var f in findings)
        {
            log.WriteLine($"{f.Owner} {f.Class.Name()} hosts [{string.Join(",", f.Hosts)}] {f.AreaSquareMeters:0} m²");
        }
        Assert.Equal(2, findings.Length);
        Assert.Contains(findings, f => f.Owner == whole.Codes[0][..6] && f.Class == EnclaveClass.Enclave && f.Hosts.SequenceEqual([whole.Codes[1][..6]]));
        Assert.Contains(findings, f => f.Owner == part.Codes[0][..6] && f.Class == EnclaveClass.Enclave && f.Hosts.SequenceEqual([part.Codes[1][..6]]));

        var options = EnclaveResolver.Options(city.Divisions, findings);
        var plan = EnclavePlanner.Plan(options);
        Assert.All(plan.Choices, c => Assert.Equal(ResolutionKind.TransferToHost, c.Kind));
        Assert.All(plan.Choices, c => Assert.Equal("district,township", string.Join(",", c.Score.LevelsAffected.Select(l => l.Name()))));

        // the whole township: moved with the next free serial of its class under the receiving district
        var wholeChoice = plan.Choices.Single(c => c.Score.Carried.Any(k => k.OldCode == whole.Codes[0]));
        var stated = Assert.Single(wholeChoice.Score.Carried);
        Assert.Equal(ChildChangeKind.Moved, stated.Kind);
        Assert.Equal(whole.Codes[0], stated.OldCode);
        var receiving = whole.Codes[1][..6];
        Assert.Equal(receiving, stated.NewCode[..6]);
        Assert.Equal(DivisionCode.Parse(whole.Codes[0]).TownshipClass, DivisionCode.Parse(stated.NewCode).TownshipClass);
        var sameClass = city.Divisions.OfLevel(DivisionLevel.Township)
            .Where(t => t.ParentCode == receiving && DivisionCode.Parse(t.Code).TownshipClass == DivisionCode.Parse(whole.Codes[0]).TownshipClass)
            .Select(t => int.Parse(t.Code[6..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var classStart = DivisionCode.Parse(whole.Codes[0]).TownshipClass switch
        {
            TownshipClass.Street => 1, TownshipClass.Town => 100, TownshipClass.Township => 200, _ => 400,
        };
        Assert.Equal(sameClass.Count == 0 ? classStart : sameClass.Max() + 1, int.Parse(stated.NewCode[6..], System.Globalization.CultureInfo.InvariantCulture));

        // the township part: its cut part merges into the host township (the only one it borders)
        var partChoice = plan.Choices.Single(c => c.Score.Carried.Any(k => k.OldCode == part.Codes[0]));
        var merged = Assert.Single(partChoice.Score.Carried);
        Assert.Equal((ChildChangeKind.Merged, part.Codes[0], part.Codes[1]), (merged.Kind, merged.OldCode, merged.NewCode));

        var (after, applied) = EnclaveApplier.Apply(city.Divisions, plan, DivisionLevel.District);
        Assert.Equal(2, applied.Length);
        // the applier does exactly what the scores stated
        Assert.Equal(plan.Choices.SelectMany(c => c.Score.Carried).ToList(), applied.SelectMany(a => a.Score.Carried).ToList());
        var report = CoverageChecker.Check(after);
        foreach (var f in report.Findings)
        {
            log.WriteLine($"{f.Severity} {f.Code} {string.Join(",", f.Divisions)} {f.Message}");
        }
        Assert.DoesNotContain(report.Findings, f => Hierarchy.Contains(f.Code));
        Assert.False(report.HasErrors);

        var moved = after.Divisions.Single(d => d.Code == stated.NewCode);
        Assert.Equal(receiving, moved.ParentCode);
        Assert.DoesNotContain(after.Divisions, d => d.Code == whole.Codes[0]);
        Assert.Equal(city.Divisions.Divisions.Single(d => d.Code == whole.Codes[0]).Geometry.Area, moved.Geometry.Area, 1e-3);
        Assert.Equal(1, after.Divisions.Single(d => d.Code == part.Codes[0]).Geometry.NumGeometries);
        Assert.Equal(1, after.Divisions.Single(d => d.Code == part.Codes[1]).Geometry.NumGeometries);
        Assert.All(after.OfLevel(DivisionLevel.District), d => Assert.Equal(1, d.Geometry.NumGeometries));
        // no district-level enclave left; areas conserved per level
        Assert.Empty(EnclaveFinder.Find(after, new EnclaveOptions { Level = DivisionLevel.District }));
        foreach (var level in new[] { DivisionLevel.District, DivisionLevel.Township })
        {
            Assert.Equal(city.Divisions.OfLevel(level).Sum(d => d.Geometry.Area), after.OfLevel(level).Sum(d => d.Geometry.Area), 1e-3);
        }
        // each district is the union of its townships (NTS oracle: symmetric difference of zero area)
        foreach (var district in after.OfLevel(DivisionLevel.District))
        {
            var union = NetTopologySuite.Operation.Union.UnaryUnionOp.Union(after.OfLevel(DivisionLevel.Township).Where(t => t.ParentCode == district.Code).Select(t => t.Geometry).ToList());
            Assert.True(union.SymmetricDifference(district.Geometry).Area < 1, $"{district.Code}: townships do not tile it");
        }
    }

    [Fact]
    public void DirtyCity_DistrictTransfer_AddsNoValidationError()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 1, Size = CitySize.Small, Dirty = DirtyOptions.All with { DistrictEnclave = true } });
        var before = CoverageChecker.Check(city.Divisions);
        var findings = EnclaveFinder.Find(city.Divisions, new EnclaveOptions { Level = DivisionLevel.District });
        var plan = EnclavePlanner.Plan(EnclaveResolver.Options(city.Divisions, findings));
        var (after, applied) = EnclaveApplier.Apply(city.Divisions, plan, DivisionLevel.District);
        Assert.Equal(2, applied.Length);
        Assert.Contains(applied.SelectMany(a => a.Score.Carried), c => c.Kind == ChildChangeKind.Moved);
        var errors = CoverageChecker.Check(after).Findings.Where(f => f.Severity == Severity.Error).Select(f => (f.Code, string.Join(",", f.Divisions))).Order().ToList();
        var old = before.Findings.Where(f => f.Severity == Severity.Error).Select(f => (f.Code, string.Join(",", f.Divisions))).Order().ToList();
        Assert.Equal(old, errors);
    }

    [Fact]
    public void NextCode_TakesTheNextSerialOfTheClass_AndKeepsForeignCodes()
    {
        var f = NetTopologySuite.Geometries.GeometryFactory.Default;
        var p = f.CreatePoint(new NetTopologySuite.Geometries.Coordinate(0, 0));
        List<Division> set =
        [
            new("120102001", "a", DivisionLevel.Township, "120102", p),
            new("120102004", "b", DivisionLevel.Township, "120102", p),
            new("120102101", "c", DivisionLevel.Township, "120102", p),
        ];
        Assert.Equal("120102005", ChildCarrier.NextCode(set, DivisionLevel.Township, "120102", "120101003"));
        Assert.Equal("120102102", ChildCarrier.NextCode(set, DivisionLevel.Township, "120102", "120101150"));
        Assert.Equal("120102200", ChildCarrier.NextCode(set, DivisionLevel.Township, "120102", "120101201"));
        Assert.Equal("120102400", ChildCarrier.NextCode(set, DivisionLevel.Township, "120102", "120101401"));
        Assert.Equal("51001", ChildCarrier.NextCode(set, DivisionLevel.Township, "51", "51001"));
    }
}
