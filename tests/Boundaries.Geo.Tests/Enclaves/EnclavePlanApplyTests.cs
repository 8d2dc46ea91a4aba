using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Geo.Validation;
using Xunit;
using Xunit.Abstractions;

namespace Boundaries.Geo.Tests.Enclaves;

public sealed class EnclavePlanApplyTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void PlanResolvesEveryDetachedPiece_AndTheResultValidatesClean(long seed)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Size = CitySize.Small, Dirty = EnclaveTruth.EnclavesOnly });
        var before = CoverageChecker.Check(city.Divisions);
        var findings = EnclaveFinder.Find(city.Divisions);
        var options = EnclaveResolver.Options(city.Divisions, findings);
        var plan = EnclavePlanner.Plan(options);
        Assert.Equal(findings.Length, plan.Choices.Length);
        var (after, applied) = EnclaveApplier.Apply(city.Divisions, plan, DivisionLevel.Township);
        foreach (var f in CoverageChecker.Check(after).Findings)
        {
            log.WriteLine($"{f.Severity} {f.Code} {string.Join(",", f.Divisions)} {f.Message}");
        }
        var report = CoverageChecker.Check(after);
        Assert.False(report.HasErrors);
        Assert.False(before.HasErrors);
        Assert.True(report.Findings.Length <= before.Findings.Length, "the change adds no finding");
        Assert.Equal(city.Divisions.Divisions.Select(d => d.Code).Order(), after.Divisions.Select(d => d.Code).Order());
        // Only what is offered Keep alone is left: the surrounded township (and no detached part at all).
        var left = EnclaveFinder.Find(after);
        Assert.All(left, f => Assert.Equal(EnclaveClass.Surrounded, f.Class));
        Assert.All(after.Divisions, d => Assert.Equal(1, d.Geometry.NumGeometries));
        // Areas are conserved per level (exact transfers on the 1 mm grid).
        foreach (var level in new[] { DivisionLevel.District, DivisionLevel.Township })
        {
            Assert.Equal(city.Divisions.OfLevel(level).Sum(d => d.Geometry.Area), after.OfLevel(level).Sum(d => d.Geometry.Area), 1e-3);
        }
        Assert.NotEmpty(applied);
    }

    [Fact]
    public void FrozenAndKeep_AreRespected_AndAreaLimitBlocksBigTransfers()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 2, Size = CitySize.Small, Dirty = EnclaveTruth.EnclavesOnly });
        var findings = EnclaveFinder.Find(city.Divisions);
        var options = EnclaveResolver.Options(city.Divisions, findings);
        var movable = findings.First(f => f.Class == EnclaveClass.Exclave);
        var plan = EnclavePlanner.Plan(options, new PlanConstraints { Frozen = [movable.Owner], Keep = [findings.First(f => f.Class == EnclaveClass.Enclave).Owner] });
        Assert.All(plan.Choices.Where(c => c.From == movable.Owner), c => Assert.Equal(ResolutionKind.Keep, c.Kind));
        Assert.All(plan.Choices.Where(c => c.Kind != ResolutionKind.Keep), c => Assert.NotEqual(movable.Owner, c.To));
        var limited = EnclavePlanner.Plan(options, new PlanConstraints { MaxNetAreaChangeSquareMeters = 1e6 });
        Assert.All(limited.Choices.Where(c => c.Kind != ResolutionKind.Keep), c => Assert.True(c.Score.AreaMovedSquareMeters <= 1e6));
        Assert.Contains(limited.Choices, c => c.Kind == ResolutionKind.Keep && findings[c.Finding].AreaSquareMeters > 1e6 && findings[c.Finding].Class == EnclaveClass.Enclave);
    }
}
