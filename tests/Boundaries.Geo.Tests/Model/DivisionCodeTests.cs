using Boundaries.Geo.Model;
using Boundaries.Geo.Tests.Support;

namespace Boundaries.Geo.Tests.Model;

public sealed class DivisionCodeTests
{
    // valid

    [Theory]
    [InlineData("120000", DivisionLevel.Province, null)]
    [InlineData("120100", DivisionLevel.Prefecture, "120000")]
    [InlineData("120101", DivisionLevel.District, "120100")]
    [InlineData("429004", DivisionLevel.District, "420000")] // 仙桃市, a county-level city directly under Hubei
    [InlineData("120101001", DivisionLevel.Township, "120101")]
    [InlineData("120101001003", DivisionLevel.Community, "120101001")]
    [InlineData("120101001000", DivisionLevel.Township, "120101")]
    [InlineData("441900003", DivisionLevel.Township, "441900")] // 东莞: townships directly under a prefecture-level city
    [InlineData("120101000000", DivisionLevel.District, "120100")]
    public void ReadsLevelAndParent(string text, DivisionLevel level, string? parent)
    {
        var code = DivisionCode.Parse(text);
        Assert.Equal(level, code.Level);
        Assert.Equal(parent, code.Parent?.Digits);
    }

    [Theory]
    [InlineData("120101001", TownshipClass.Street)]
    [InlineData("120114100", TownshipClass.Town)]
    [InlineData("120119200", TownshipClass.Township)]
    [InlineData("120116400", TownshipClass.QuasiTownship)]
    [InlineData("120116599", TownshipClass.QuasiTownship)]
    public void ClassifiesTownshipSerials(string text, TownshipClass expected) =>
        Assert.Equal(expected, DivisionCode.Parse(text).TownshipClass);

    [Fact]
    public void ContainsItsDescendantsOnly()
    {
        var district = DivisionCode.Parse("120101");
        Assert.True(district.Contains(DivisionCode.Parse("120101001003")));
        Assert.True(DivisionCode.Parse("120000").Contains(district));
        Assert.False(district.Contains(DivisionCode.Parse("120102001")));
    }

    // invalid

    [Theory]
    [InlineData("", "empty")]
    [InlineData("12010X001", "not a digit")]
    [InlineData("12010100", "8 digits")]
    [InlineData("001010", "province part 00")]
    [InlineData("120000001", "prefecture part")]
    [InlineData("120101000", "outside 001–599")]
    [InlineData("120101600", "outside 001–599")]
    [InlineData("120101001999", null)] // valid village serial: must parse
    public void RejectsMalformedCodesWithTheReason(string text, string? reasonPart)
    {
        var ok = DivisionCode.TryParse(text, out _, out var reason);
        if (reasonPart is null)
        {
            Assert.True(ok, reason);
            return;
        }
        Assert.False(ok);
        Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
        var ex = Assert.Throws<FormatException>(() => DivisionCode.Parse(text));
        Assert.Contains(reasonPart, ex.Message, StringComparison.Ordinal);
    }

    // real data: the NBS statistical codes of all China (../shared/data/cn-admin-codes)

    [Fact]
    public void EveryNationalTownshipCodeParsesWithItsCountyAsParent()
    {
        var rows = ReadCsv("streets_all_china_nbs.csv");
        Assert.Equal(41_352, rows.Count);
        foreach (var row in rows)
        {
            if (row[0] == "350527000")
            {
                // 金门县: the list's placeholder for a county outside administration, serial 000; rejected on purpose.
                Assert.False(DivisionCode.TryParse(row[0], out _, out var why));
                Assert.Contains("000", why, StringComparison.Ordinal);
                continue;
            }
            var code = DivisionCode.Parse(row[0]);
            Assert.Equal(DivisionLevel.Township, code.Level);
            Assert.Equal(row[2], code.Parent!.Value.Digits);
        }
    }

    [Fact]
    public void NameSuffixAgreesWithSerialClassNationwide()
    {
        var mismatches = ReadCsv("streets_all_china_nbs.csv")
            .Where(r => r[0] != "350527000")
            .Select(r => (Code: DivisionCode.Parse(r[0]), Name: r[1]))
            .Where(r => r.Name.EndsWith("街道", StringComparison.Ordinal) && r.Code.TownshipClass != TownshipClass.Street
                     || r.Name.EndsWith('镇') && r.Code.TownshipClass != TownshipClass.Town)
            .ToList();
        // The statistical list carries a handful of renamed units whose serial kept its old class;
        // nationwide they are well under 0.5 % of 41 352.
        Assert.True(mismatches.Count < 200, $"{mismatches.Count} mismatches, e.g. {string.Join(", ", mismatches.Take(5))}");
    }

    [Fact]
    public void TianjinCountsMatchTheReferenceFigures()
    {
        // SOURCE.md: 124 街道 + 125 镇 + 3 乡 + 47 类似乡级单位 = 299 rows.
        var byClass = ReadCsv("tianjin_streets_nbs.csv")
            .GroupBy(r => DivisionCode.Parse(r[0]).TownshipClass!.Value)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(124, byClass[TownshipClass.Street]);
        Assert.Equal(125, byClass[TownshipClass.Town]);
        Assert.Equal(3, byClass[TownshipClass.Township]);
        Assert.Equal(47, byClass[TownshipClass.QuasiTownship]);
    }

    [Fact]
    public void EveryNationalCountyCodeIsADistrictUnderItsPrefectureOrProvince()
    {
        foreach (var row in ReadCsv("areas_all_china_nbs.csv"))
        {
            var code = DivisionCode.Parse(row[0]);
            // Prefecture-level cities without counties (东莞, 中山, 儋州) are listed among the counties with a code ending 00.
            Assert.Equal(row[0].EndsWith("00", StringComparison.Ordinal) ? DivisionLevel.Prefecture : DivisionLevel.District, code.Level);
            var parent = code.Parent!.Value.Digits;
            Assert.True(parent == row[2] + "00" || parent == row[3] + "0000", $"{row[0]}: parent {parent}, city {row[2]}");
        }
    }

    private static List<string[]> ReadCsv(string file) =>
        [.. File.ReadLines(Path.Combine(RepoPaths.SharedData, "cn-admin-codes", file))
            .Skip(1)
            .Select(line => line.Split(',').Select(f => f.Trim('"')).ToArray())];
}
