using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using Boundaries.Geo.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Boundaries.Geo.Tests.Enclaves;

/// <summary>
/// Enclaves of the 3,221 US counties (Census 2010 cartographic file, lon/lat): the list the finder produces is kept in
/// data/cases/enclaves-us/expected.json (BOUNDARIES_UPDATE_GOLDEN=1 rewrites it) and the known cases are asserted by
/// code. The finder works per level over all counties at once (it does not group by parent), so a county's
/// neighbours across a state line count, as they should for Kentucky Bend; ParentCode (the state FIPS) is derived
/// for the report only.
/// </summary>
public sealed class UsCountiesEnclaveGoldenTests(ITestOutputHelper log)
{
    internal static readonly Lazy<DivisionSet> Counties = new(() =>
    {
        var set = DivisionFiles.Read(Path.Combine(RepoPaths.SharedData, "us-counties-census2010", "geojson-counties-fips.json"),
            new DivisionReadOptions { CodeField = "id", NameField = "NAME", Level = DivisionLevel.District }).Set;
        return set with { Divisions = [.. set.Divisions.Select(d => d with { ParentCode = d.Code[..2] })] };
    });

    internal static readonly Lazy<ImmutableArray<EnclaveFinding>> Findings = new(() => EnclaveFinder.Find(Counties.Value));

    private static string GoldenPath => Path.Combine(RepoPaths.Root, "data", "cases", "enclaves-us", "expected.json");

    [Fact]
    public void Findings_MatchTheGoldenFile()
    {
        var actual = Golden(Findings.Value);
        if (Environment.GetEnvironmentVariable("BOUNDARIES_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(GoldenPath, actual);
        }
        Assert.True(File.Exists(GoldenPath), $"golden file missing: {GoldenPath} (run with BOUNDARIES_UPDATE_GOLDEN=1)");
        Assert.Equal(File.ReadAllText(GoldenPath).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void KentuckyBend_IsAnExclaveOfFultonCountyBorderingTennesseeAndMissouri()
    {
        var bend = Assert.Single(Findings.Value, f => f.Owner == "21075");
        log.WriteLine(bend.Evidence.Note);
        Assert.Equal(EnclaveClass.Exclave, bend.Class);
        Assert.Contains("47095", bend.Hosts); // Lake County, TN
        Assert.Contains("29143", bend.Hosts); // New Madrid County, MO
        // about 18 sq mi of land; the county polygon runs to the state lines in the Mississippi, so more here
        Assert.InRange(bend.AreaSquareMeters, 40e6, 80e6);
    }

    [Fact]
    public void PointRoberts_IsAnExclaveOfWhatcomCountyBorderingNoOtherCounty()
    {
        // Point Roberts touches Canada by land and the sea elsewhere: no US county shares an edge with it, so in a
        // US-only coverage it borders nothing but the outer edge. A semi-enclave needs exactly one other division
        // (and the outer edge); with none, the rule makes it an exclave (an island on the outer edge). Whatcom's
        // offshore islands (Lummi, Sinclair …) come out the same way, so the piece is picked by its location.
        var whatcom = Findings.Value.Where(f => f.Owner == "53073").ToList();
        var pointRoberts = Assert.Single(whatcom, f => f.Geometry.EnvelopeInternal.Contains(-123.05, 48.98));
        Assert.Equal(EnclaveClass.Exclave, pointRoberts.Class);
        Assert.Empty(pointRoberts.Hosts);
        Assert.True(pointRoberts.Evidence.OuterEdgeMeters > 5000, pointRoberts.Evidence.Note);
    }

    [Theory]
    [InlineData("51600", "51059")] // Fairfax city in Fairfax County
    [InlineData("51540", "51003")] // Charlottesville in Albemarle County
    [InlineData("51660", "51165")] // Harrisonburg in Rockingham County
    [InlineData("51690", "51089")] // Martinsville in Henry County
    public void VirginiaIndependentCity_InsideOneCounty_IsSurrounded(string city, string county)
    {
        var f = Assert.Single(Findings.Value, f => f.Owner == city);
        Assert.Equal(EnclaveClass.Surrounded, f.Class);
        Assert.Equal(new[] { county }, f.Hosts.ToArray());
    }

    [Fact]
    public void FallsChurch_BordersTwoCounties_IsNotSurrounded()
    {
        // Falls Church (51610) borders Arlington (51013) and Fairfax County (51059).
        Assert.DoesNotContain(Findings.Value, f => f.Owner == "51610");
    }

    internal static string Golden(ImmutableArray<EnclaveFinding> findings)
    {
        var names = Counties.Value.Divisions.ToDictionary(d => d.Code, d => d.Name);
        var b = new StringBuilder();
        b.Append("{\n  \"source\": \"../shared/data/us-counties-census2010/geojson-counties-fips.json (code = id, name = NAME, level district)\",\n");
        b.Append("  \"produced_by\": \"EnclaveFinder.Find, default options (all counties of the level together; adjacency = shared edge of positive length)\",\n");
        b.Append("  \"checked\": \"UsCountiesEnclavePostgisTests: for a sample of findings PostGIS 3 recomputes ST_NumGeometries of the owner and, for every listed host, ST_Length(ST_Intersection(ST_Boundary(piece), ST_Boundary(host))) > 0, and for surrounded cities that no other county shares such a border; the known cases (Kentucky Bend, Point Roberts, Virginia independent cities) are asserted by code in UsCountiesEnclaveGoldenTests\",\n");
        b.Append(CultureInfo.InvariantCulture, $"  \"count\": {findings.Length},\n  \"findings\": [\n");
        for (var i = 0; i < findings.Length; i++)
        {
            var f = findings[i];
            var hosts = string.Join(", ", f.Evidence.SharedBorders.Select(h => string.Create(CultureInfo.InvariantCulture, $"\"{h.Code}\": {Math.Round(h.LengthMeters)}")));
            b.Append(CultureInfo.InvariantCulture,
                $"    {{ \"owner\": \"{f.Owner}\", \"name\": \"{names.GetValueOrDefault(f.Owner)}\", \"state\": \"{f.Owner[..2]}\", \"class\": \"{f.Class.Name()}\", \"order\": {f.Order}, \"part\": {f.Evidence.PartIndex}, \"parts\": {f.Evidence.PartCount}, \"area_km2\": {Math.Round(f.AreaSquareMeters / 1e6, 2)}, \"outer_edge_m\": {Math.Round(f.Evidence.OuterEdgeMeters)}, \"hosts_m\": {{ {hosts} }} }}");
            b.Append(i + 1 < findings.Length ? ",\n" : "\n");
        }
        b.Append("  ]\n}\n");
        return b.ToString();
    }
}
