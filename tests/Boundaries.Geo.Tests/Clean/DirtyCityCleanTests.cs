using Boundaries.Geo.Clean;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Tests.Clean;

/// <summary>
/// Accuracy on generated cities: the generator's ground truth says where it broke the tiling; the oracles of
/// <see cref="CoverageOracle"/> say whether the result is clean.
/// </summary>
public sealed class DirtyCityCleanTests
{
    private static readonly Dictionary<string, CleanChangeKind> ExpectedKind = new()
    {
        [DefectClasses.Gap] = CleanChangeKind.GapFilled,
        [DefectClasses.Overlap] = CleanChangeKind.OverlapResolved,
        [DefectClasses.Sliver] = CleanChangeKind.SliverMerged,
        [DefectClasses.NearMiss] = CleanChangeKind.NearMissSnapped,
        [DefectClasses.SelfIntersection] = CleanChangeKind.Repaired,
        [DefectClasses.OutsideParent] = CleanChangeKind.OutsideParentRemoved,
    };

    // dirty cities

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2024)]
    public void CleansSmallDirtyCity(long seed) =>
        CheckDirtyCity(CityGenerator.Generate(new CityOptions { Seed = seed, Size = CitySize.Small, Dirty = DirtyOptions.All }));

    [Fact]
    public void CleansFullDirtyCity() =>
        CheckDirtyCity(CityGenerator.Generate(new CityOptions { Seed = 5, Size = CitySize.Full, Dirty = DirtyOptions.All }));

    [Fact]
    public void CleansDirtyCityGivenInLonLat()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 11, Size = CitySize.Small, Dirty = DirtyOptions.All });
        var lonLat = new ImportedDivisions("synthetic", "synthetic", city.Divisions, CrsSource.Stated, null, []).In(CrsCode.Cgcs2000);
        var result = CoverageCleaner.Clean(lonLat);
        Assert.Equal(CrsCode.Cgcs2000, result.Cleaned.Crs);
        Assert.Equal(city.Divisions.Crs, result.MetricCrs);
        Assert.All(result.Cleaned.Divisions, d => Assert.True(d.Geometry.EnvelopeInternal.MaxX < 180, $"{d.Code} is not in lon/lat"));
        // Back in the metric plane (snapped to the grid) the output must pass the oracles.
        var back = CoordinateTransformer.Create(CrsCode.Cgcs2000, city.Divisions.Crs);
        var metric = new DivisionSet([.. result.Cleaned.Divisions.Select(d => d with
        {
            Geometry = NetTopologySuite.Precision.GeometryPrecisionReducer.Reduce(back.Transform(d.Geometry), new NetTopologySuite.Geometries.PrecisionModel(1000)),
        })], city.Divisions.Crs);
        CleanAssertions.ValidatesClean(metric);
        CleanAssertions.ChildrenAddUpToParent(metric);
    }

    // clean cities

    [Theory]
    [InlineData(CitySize.Small, 7)]
    [InlineData(CitySize.Full, 3)]
    public void ReturnsCleanCityUnchanged(CitySize size, long seed)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Size = size });
        var result = CoverageCleaner.Clean(city.Divisions);
        Assert.Empty(result.Log);
        Assert.Equal(0, result.CoveragesChanged);
        for (var i = 0; i < city.Divisions.Divisions.Length; i++)
        {
            Assert.Same(city.Divisions.Divisions[i], result.Cleaned.Divisions[i]);
        }
    }

    [Fact]
    public void KeepsEnclavesOfCleanCityMultipart()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 7, Size = CitySize.Small, Dirty = DirtyOptions.All });
        var result = CoverageCleaner.Clean(city.Divisions);
        Assert.NotEmpty(city.Truth.Multipart);
        foreach (var entry in city.Truth.Multipart)
        {
            var before = city.Divisions.Divisions.First(d => d.Code == entry.Code).Geometry;
            var after = result.Cleaned.Divisions.First(d => d.Code == entry.Code).Geometry;
            Assert.Equal(before.NumGeometries, after.NumGeometries);
        }
    }

    private static void CheckDirtyCity(SyntheticCity city)
    {
        Assert.NotEmpty(CoverageOracle.Problems(city.Divisions));
        var result = CoverageCleaner.Clean(city.Divisions);
        CleanAssertions.ValidatesClean(result.Cleaned);
        CleanAssertions.ChildrenAddUpToParent(result.Cleaned, toleranceM2: 1.0);
        CleanAssertions.AreaChangesOnlyByLoggedPieces(city.Divisions, result);
        // Districts were clean: they come back as they were, so the township areas add up to the input's districts.
        foreach (var district in city.Divisions.OfLevel(DivisionLevel.District))
        {
            Assert.Same(district, result.Cleaned.Divisions.Single(d => d.Code == district.Code && d.Level == DivisionLevel.District));
        }
        Assert.Equal(0, CoverageOracle.InvalidAcrossLevel(result.Cleaned, DivisionLevel.Township));

        var reader = new WKTReader();
        var tiling = city.Truth.Defects.Where(d => ExpectedKind.ContainsKey(d.Class)).ToList();
        Assert.Equal(ExpectedKind.Count, tiling.Select(d => d.Class).Distinct().Count());
        foreach (var defect in tiling)
        {
            var at = reader.Read(defect.LocationWkt);
            var parties = defect.Class == DefectClasses.OutsideParent ? defect.Codes.Take(1) : defect.Codes;
            var reach = defect.Class == DefectClasses.SelfIntersection ? (defect.LengthM ?? 10) : 1.0;
            var found = result.Log.Where(c => c.Kind == ExpectedKind[defect.Class]
                && parties.All(p => c.Parties.Contains(p))
                && c.Location.Distance(at) <= reach).ToList();
            Assert.True(found.Count > 0,
                $"{defect.Class} of {string.Join(", ", defect.Codes)} at {defect.LocationWkt}: no {ExpectedKind[defect.Class]} change there; log:\n"
                + string.Join("\n", result.Log.Select(c => $"{c.Kind} {c.Reason}")));
        }
    }
}
