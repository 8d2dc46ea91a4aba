using Boundaries.Geo.Crs;
using Boundaries.Geo.Synthesis;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Xunit.Abstractions;

namespace Boundaries.Geo.Tests.Validation;

/// <summary>
/// Accuracy on generated cities: the oracle is the generator's ground-truth manifest (what it injected, where, between
/// whom), checked independently on the geometry by the synthesis tests.
/// </summary>
public sealed class SyntheticCityAccuracyTests(ITestOutputHelper output)
{
    private const double LocationToleranceMeters = 5;

    private static readonly Dictionary<string, FindingCode[]> Expected = new()
    {
        [DefectClasses.Gap] = [FindingCode.Gap, FindingCode.GapOpenToOutside],
        [DefectClasses.Overlap] = [FindingCode.Overlap],
        [DefectClasses.Sliver] = [FindingCode.Sliver],
        [DefectClasses.NearMiss] = [FindingCode.NearMissEdge],
        [DefectClasses.SelfIntersection] = [FindingCode.SelfIntersection],
        [DefectClasses.DuplicateCode] = [FindingCode.DuplicateCode],
        [DefectClasses.MalformedCode] = [FindingCode.MalformedCode],
        [DefectClasses.OutsideParent] = [FindingCode.OutsideParent],
        [DefectClasses.EmptyName] = [FindingCode.EmptyName],
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void FindsEveryInjectedDefectOnASmallDirtyCity(long seed) => CheckDirty(seed, CitySize.Small);

    [Fact]
    public void FindsEveryInjectedDefectOnTheFullDirtyCity() => CheckDirty(5, CitySize.Full);

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void ReportsNothingOnACleanCity(long seed)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Size = CitySize.Small });
        var report = CoverageChecker.Check(city.Divisions);
        foreach (var f in report.Findings)
        {
            output.WriteLine($"{f.Code.Name()} {string.Join(",", f.Divisions)} {f.Message}");
        }
        Assert.Empty(report.Findings);
        Assert.Equal(city.Divisions.Divisions.Length, report.Divisions);
    }

    [Fact]
    public void ReportsNothingOnACleanCityGivenInLonLat()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 2, Size = CitySize.Small });
        var lonLat = new Boundaries.Geo.Import.ImportedDivisions("synthetic", "synthetic", city.Divisions, Boundaries.Geo.Import.CrsSource.Stated, null, []).In(CrsCode.Cgcs2000);
        Assert.Empty(CoverageChecker.Check(lonLat).Findings);
    }

    private void CheckDirty(long seed, CitySize size)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Size = size, Dirty = DirtyOptions.All });
        var report = CoverageChecker.Check(city.Divisions);
        var toGk = CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.Parse("EPSG:4548"));
        var reader = new WKTReader();
        foreach (var f in report.Findings)
        {
            output.WriteLine($"{f.Code.Name()} [{string.Join(",", f.Divisions)}] {f.Severity} {f.Measure} {f.MeasureUnit}: {f.Message} @ {toGk.Transform(f.Location).InteriorPoint}");
        }
        var explained = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
        foreach (var defect in city.Truth.Defects)
        {
            var truthAt = reader.Read(defect.LocationWkt);
            if (!Expected.TryGetValue(defect.Class, out var codes))
            {
                // An enclave class: legitimate territory, never an error finding about its divisions.
                continue;
            }
            // Malformed and duplicate code: the second code is the one the division carried before the injection.
            var involved = defect.Class is DefectClasses.MalformedCode or DefectClasses.DuplicateCode ? [defect.Codes[0]] : defect.Codes.Distinct().ToArray();
            var match = report.Findings.FirstOrDefault(f => codes.Contains(f.Code)
                && involved.All(c => f.Divisions.Contains(c))
                && toGk.Transform(f.Location).Distance(truthAt) <= LocationToleranceMeters);
            Assert.True(match is not null,
                $"seed {seed}: {defect.Class} [{string.Join(",", defect.Codes)}] at {defect.LocationWkt} not found");
            explained.Add(match);
            // Other findings at the same defect (a piece seen from two coverages, the summary) are explained by it too.
            var reach = (defect.LengthM ?? 0) / 2 + 100;
            foreach (var f in report.Findings.Where(f => f.Divisions.Intersect(involved).Any() && toGk.Transform(f.Location).Distance(truthAt) <= reach))
            {
                explained.Add(f);
            }
        }
        var unexplained = report.Findings.Where(f => f.Severity == Severity.Error && !explained.Contains(f)).ToList();
        Assert.True(unexplained.Count == 0,
            $"seed {seed}: error findings no injected defect explains: {string.Join("; ", unexplained.Select(f => f.Message))}");
    }
}
