using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Geo.Validation;
using Xunit;
using Xunit.Abstractions;

namespace Boundaries.Geo.Tests.Enclaves;

/// <summary>Corridors on generated cities: each one, applied alone, joins its owner's piece and adds no error.</summary>
public sealed class EnclaveCorridorCityTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void EveryCorridor_AppliedAlone_JoinsThePiece_AndAddsNoError(long seed)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Dirty = EnclaveTruth.EnclavesOnly });
        var findings = EnclaveFinder.Find(city.Divisions);
        // a long reach so that the generated pieces, which lie a few hundred metres in, get corridors
        var options = EnclaveResolver.Options(city.Divisions, findings, null, ResolverSettings.Default with { CorridorMaxMeters = 2000 });
        var corridors = options.Where(o => o.Kind == ResolutionKind.Corridor).ToList();
        log.WriteLine($"{findings.Length} findings, {corridors.Count} corridors: {string.Join("; ", corridors.Select(c => $"{findings[c.Finding].Owner} {c.Score.AreaMovedSquareMeters:0} m² from {string.Join(",", c.Moves.Select(m => m.From))}"))}");
        Assert.NotEmpty(corridors);
        var before = CoverageChecker.Check(city.Divisions).Findings.Count(f => f.Severity.ToString() == "Error");
        foreach (var c in corridors)
        {
            var f = findings[c.Finding];
            var (after, _) = EnclaveApplier.Apply(city.Divisions, new EnclavePlan([c], c.Score.Cost, "test"), f.Level);
            Assert.True(CoverageChecker.Check(after).Findings.Count(e => e.Severity.ToString() == "Error") <= before, $"corridor of finding {c.Finding}");
            var owner = city.Divisions.Divisions.Single(d => d.Level == f.Level && d.Code == f.Owner);
            var joined = after.Divisions.Single(d => d.Level == f.Level && d.Code == f.Owner);
            Assert.Equal(owner.Geometry.NumGeometries - 1, joined.Geometry.NumGeometries);
            Assert.Equal(owner.Geometry.Area + c.Moves.Sum(m => m.AreaSquareMeters), joined.Geometry.Area, 0.01 * c.Score.AreaMovedSquareMeters + 1);
            Assert.All(c.Moves, m => Assert.Equal(
                city.Divisions.Divisions.Single(d => d.Level == f.Level && d.Code == m.From).Geometry.NumGeometries,
                after.Divisions.Single(d => d.Level == f.Level && d.Code == m.From).Geometry.NumGeometries));
        }
    }
}
