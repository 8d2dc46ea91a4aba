using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Tests.Synthesis;

public sealed class CityGeneratorTests
{
    [Fact]
    public void SameOptionsGiveByteIdenticalOutput()
    {
        var options = new CityOptions { Seed = 11, Size = CitySize.Small, Dirty = DirtyOptions.All };
        var a = CityGenerator.Generate(options);
        var b = CityGenerator.Generate(options);
        Assert.Equal(Fingerprint(a), Fingerprint(b));
        Assert.Equal(GroundTruthJson.Serialize(a.Truth), GroundTruthJson.Serialize(b.Truth));
    }

    [Fact]
    public void DifferentSeedsGiveDifferentCities()
    {
        var a = CityGenerator.Generate(new CityOptions { Seed = 1 });
        var b = CityGenerator.Generate(new CityOptions { Seed = 2 });
        Assert.NotEqual(Fingerprint(a), Fingerprint(b));
    }

    [Fact]
    public void SmallCityHasOnePrefectureFourDistrictsAndAboutFortyTownships()
    {
        var city = CityChecks.Small;
        var counts = city.Divisions.CountByLevel();
        Assert.Equal(1, counts[DivisionLevel.Prefecture]);
        Assert.Equal(4, counts[DivisionLevel.District]);
        Assert.InRange(counts[DivisionLevel.Township], 30, 50);
        Assert.Equal(counts[DivisionLevel.Township], city.Truth.Counts.Township);
        Assert.Equal(city.Divisions.Divisions.Sum(d => (long)d.Geometry.NumPoints), city.Truth.Vertices);
        var prefecture = city.Divisions.OfLevel(DivisionLevel.Prefecture).Single();
        Assert.Equal(("120100", "天津市"), (prefecture.Code, prefecture.Name));
        Assert.Equal("EPSG:4548", city.Divisions.Crs.ToString());
    }

    [Fact]
    public void CodesParseAndParentsMatch()
    {
        var city = CityChecks.Small;
        foreach (var d in city.Divisions.Divisions)
        {
            var code = DivisionCode.Parse(d.Code);
            Assert.Equal(d.Level, code.Level);
            Assert.Equal(new DateOnly(2020, 1, 1), d.ValidFrom);
            if (d.ParentCode is not null)
            {
                Assert.Equal(d.ParentCode, code.Parent!.Value.Digits);
                Assert.Contains(city.Divisions.Divisions, p => p.Code == d.ParentCode);
            }
        }
        Assert.Equal(city.Divisions.Divisions.Length, city.Divisions.Divisions.Select(d => d.Code).Distinct().Count());
    }

    [Fact]
    public void DistrictsCarryTianjinsRealCodesAndNames()
    {
        var real = new Dictionary<string, string>
        {
            ["120101"] = "和平区", ["120102"] = "河东区", ["120103"] = "河西区", ["120104"] = "南开区", ["120105"] = "河北区",
            ["120106"] = "红桥区", ["120110"] = "东丽区", ["120111"] = "西青区", ["120112"] = "津南区", ["120113"] = "北辰区",
            ["120114"] = "武清区", ["120115"] = "宝坻区", ["120116"] = "滨海新区", ["120117"] = "宁河区", ["120118"] = "静海区",
            ["120119"] = "蓟州区",
        };
        foreach (var d in CityChecks.Small.Divisions.OfLevel(DivisionLevel.District))
        {
            Assert.Equal(real[d.Code], d.Name);
        }
    }

    [Fact]
    public void TownshipSerialClassMatchesNameSuffixAndNamesAreUniqueInDistrict()
    {
        var townships = CityChecks.Level(CityChecks.Small, DivisionLevel.Township);
        foreach (var t in townships)
        {
            var expected = DivisionCode.Parse(t.Code).TownshipClass switch
            {
                TownshipClass.Street => new[] { "街道" },
                TownshipClass.Town => ["镇"],
                TownshipClass.Township => ["乡"],
                _ => ["开发区", "农场"],
            };
            Assert.Contains(expected, s => t.Name.EndsWith(s, StringComparison.Ordinal));
        }
        foreach (var g in townships.GroupBy(t => t.ParentCode))
        {
            Assert.Equal(g.Count(), g.Select(t => t.Name).Distinct().Count());
        }
        Assert.Contains(townships, t => DivisionCode.Parse(t.Code).TownshipClass == TownshipClass.Town);
        Assert.Contains(townships, t => DivisionCode.Parse(t.Code).TownshipClass == TownshipClass.Street);
    }

    [Fact]
    public void CityIsCentredNearTianjinAndRoughlyTheRequestedShape()
    {
        var env = CityChecks.Full.Divisions.OfLevel(DivisionLevel.Prefecture).Single().Geometry.EnvelopeInternal;
        Assert.InRange(env.Centre.X, 480_000, 520_000);
        Assert.InRange(env.Centre.Y, 4_310_000, 4_350_000);
        Assert.True(env.Height > env.Width, "elongated north-south");
    }

    private static string Fingerprint(SyntheticCity city)
    {
        var writer = new WKTWriter();
        return string.Join("\n", city.Divisions.Divisions.Select(d =>
            $"{d.Code}|{d.Name}|{d.Level}|{d.ParentCode}|{string.Join(",", d.Attributes.OrderBy(a => a.Key).Select(a => a.Key + "=" + a.Value))}|{writer.Write(d.Geometry)}"));
    }
}
