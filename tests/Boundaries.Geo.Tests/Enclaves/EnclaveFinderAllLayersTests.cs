using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Geo.Tests.Support;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Xunit;
using Xunit.Abstractions;

namespace Boundaries.Geo.Tests.Enclaves;

/// <summary>
/// <c>enclaves find</c> with every layer together (roads, address points with their managing unit, water), on generated
/// dirty cities in lon/lat read back from <c>CITY.layers.geojson</c> as the CLI reads it: (1) the results equal those
/// recorded in data/cases/enclaves-find-layers (its note says why and when it was regenerated); (2) every
/// enclave of the ground truth — the manifest's injected classes, the layers' access and management enclaves — is
/// found with the right class and order, and nothing else.
/// </summary>
public sealed class EnclaveFinderAllLayersTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RoadsAndManagementTogether_SameFindingsAsBeforeTheSpeedUp(long seed)
    {
        var (set, roads, points, _, _) = City(seed);
        var findings = EnclaveFinder.Find(set, EnclaveOptions.Default with { Roads = roads, ManagementPoints = points });
        var golden = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "data", "cases", "enclaves-find-layers", "expected.json")))
            .RootElement.GetProperty("cities").GetProperty(seed.ToString(System.Globalization.CultureInfo.InvariantCulture)).EnumerateArray().ToList();
        Assert.Equal(golden.Count, findings.Length);
        // compared as sorted lists: findings of one owner and class (a city's several road networks) may come in another
        // order; areas and envelopes equal up to the 1 mm grid (the zone buffers are now computed off the grid, then snapped)
        static string Key(string? level, string? owner, string? cls, int order, string hosts) => $"{level}|{owner}|{cls}|{order}|{hosts}";
        var before = golden.Select(g => (Key: Key(g.GetProperty("level").GetString(), g.GetProperty("owner").GetString(), g.GetProperty("class").GetString(), g.GetProperty("order").GetInt32(),
                string.Join(",", g.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()))),
            Area: g.GetProperty("area_m2").GetDouble(), Envelope: g.GetProperty("envelope").EnumerateArray().Select(v => v.GetDouble()).ToArray()))
            .OrderBy(x => x.Key, StringComparer.Ordinal).ThenBy(x => x.Area).ToList();
        var now = findings.Select(f => (Key: Key(f.Level.Name(), f.Owner, f.Class.Name(), f.Order, string.Join(",", f.Hosts)),
            Area: f.AreaSquareMeters, Envelope: new[] { f.Geometry.EnvelopeInternal.MinX, f.Geometry.EnvelopeInternal.MinY, f.Geometry.EnvelopeInternal.MaxX, f.Geometry.EnvelopeInternal.MaxY }))
            .OrderBy(x => x.Key, StringComparer.Ordinal).ThenBy(x => x.Area).ToList();
        Assert.Equal(before.Select(b => b.Key), now.Select(n => n.Key));
        for (var i = 0; i < before.Count; i++)
        {
            Assert.True(Math.Abs(before[i].Area - now[i].Area) <= Math.Max(0.02, 1e-5 * before[i].Area), $"{before[i].Key}: {before[i].Area} m² before, {now[i].Area} m² now");
            Assert.Equal(before[i].Envelope, now[i].Envelope, (a, b) => Math.Abs(a - b) < 2e-7);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AllLayers_EveryTruthEnclaveFound_WithItsClass_NothingElse(long seed)
    {
        var (set, roads, points, water, city) = City(seed);
        var layers = ScoringLayersGenerator.Generate(city, seed);
        var findings = EnclaveFinder.Find(set, new EnclaveOptions
        {
            Level = DivisionLevel.Township,
            NeckWidthMeters = 50,
            Roads = roads,
            ManagementPoints = points,
            Water = water,
        });
        foreach (var f in findings)
        {
            log.WriteLine($"{f.Owner} {f.Class.Name()} order {f.Order} [{string.Join(",", f.Hosts)}] {f.AreaSquareMeters:0} m² — {f.Evidence.Note}");
        }
        // the manifest's classes, with the water rule applied by NTS on the generated pieces: a piece whose boundary runs
        // along the river is a semi-enclave, not an enclave, and a township touching it is not "surrounded"
        var toLonLat = CoordinateTransformer.Create(city.Divisions.Crs, CrsCode.Cgcs2000);
        bool Touches(Geometry piece) => piece.Boundary.Intersection(water).Length > 0;
        var expected = new List<(string Owner, EnclaveClass Class, int Order)>();
        var touched = 0;
        foreach (var e in EnclaveTruth.Expected(city.Truth, neck: true))
        {
            var owner = set.Divisions.First(d => d.Level == DivisionLevel.Township && d.Code == e.Owner).Geometry;
            var parts = Enumerable.Range(0, owner.NumGeometries).Select(owner.GetGeometryN).ToList();
            var piece = e.Wkt is { } wkt
                ? parts.FirstOrDefault(p => p.Covers(toLonLat.Transform(new WKTReader().Read(wkt))))
                : parts.Where(p => p != parts.MaxBy(q => q.Area)).FirstOrDefault(Touches);
            var wet = piece is not null && e.Class is EnclaveClass.Enclave or EnclaveClass.CounterEnclave or EnclaveClass.Surrounded && Touches(piece);
            touched += wet ? 1 : 0;
            if (wet && e.Class == EnclaveClass.Surrounded)
            {
                continue;
            }
            expected.Add(wet ? (e.Owner, EnclaveClass.SemiEnclave, 1) : (e.Owner, e.Class, e.Order));
        }
        log.WriteLine($"{touched} truth pieces touch the river");
        expected.AddRange(layers.Truth.Access.Select(a => (a.Owner, EnclaveClass.PracticalAccess, 1)));
        expected.AddRange(layers.Truth.Management.Select(m => (m.Legal, m.Manager)).Distinct().Select(m => (m.Legal, EnclaveClass.Management, 1)));
        Assert.Equal(expected.Order().ToList(), findings.Select(f => (f.Owner, f.Class, f.Order)).Order().ToList());

        // each located truth piece is covered by a finding of its (water-adjusted) class
        foreach (var e in EnclaveTruth.Expected(city.Truth, neck: true).Where(e => e.Wkt is not null && e.Class is not (EnclaveClass.PracticalNeck or EnclaveClass.Surrounded)))
        {
            var point = toLonLat.Transform(new WKTReader().Read(e.Wkt));
            Assert.Single(findings, f => f.Owner == e.Owner && (f.Class == e.Class || f.Class == EnclaveClass.SemiEnclave) && f.Geometry.Covers(point));
        }
        foreach (var a in layers.In(CrsCode.Cgcs2000).Truth.Access)
        {
            var f = Assert.Single(findings, f => f.Owner == a.Owner && f.Class == EnclaveClass.PracticalAccess);
            Assert.Contains(a.Via, f.Hosts);
        }
        Assert.Equal(
            layers.Truth.Management.Select(m => (m.Legal, (string?)m.Manager)).Distinct().Order().ToList(),
            findings.Where(f => f.Class == EnclaveClass.Management && f.Evidence.PartIndex < 0).Select(f => (f.Owner, f.Evidence.ManagedBy)).Order().ToList());
        // the water layer is really in play: the river crosses townships
        Assert.Contains(set.OfLevel(DivisionLevel.Township), d => d.Geometry.Intersects(water));
    }

    /// <summary>The small dirty city (enclave classes only, so every finding can be matched) in lon/lat, and its layers
    /// written to CITY.layers.geojson and read back as the CLI reads them; water = the river grown by 20 m.</summary>
    private static (DivisionSet Set, Geometry Roads, System.Collections.Immutable.ImmutableArray<ManagedPoint> Points, Geometry Water, SyntheticCity City) City(long seed)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Size = CitySize.Small, Dirty = EnclaveTruth.EnclavesOnly });
        var set = new ImportedDivisions("city", "synthetic", city.Divisions, CrsSource.Stated, null, []).In(CrsCode.Cgcs2000);
        var path = Path.Combine(Path.GetTempPath(), $"boundaries-layers-{seed}-{Guid.NewGuid():N}.geojson");
        try
        {
            var layers = ScoringLayersGenerator.Generate(city, seed);
            ScoringLayersJson.Write(layers, path);
            var roads = ScoringLayersJson.ReadLines(path);
            var points = ScoringLayersJson.ReadManagedPoints(path).Select(m => new ManagedPoint(m.Location, m.Manager)).ToArray();
            var river = layers.River.Buffer(20);
            var water = CoordinateTransformer.Create(city.Divisions.Crs, CrsCode.Cgcs2000).Transform(river);
            return (set, roads, [.. points], water, city);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
