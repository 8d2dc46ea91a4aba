using System.Text.RegularExpressions;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Geo.Validation;
using NetTopologySuite.IO;
using Xunit;
using Xunit.Abstractions;

namespace Boundaries.Geo.Tests.Enclaves;

/// <summary>
/// Every finding's note renders in English (the JSON <c>note</c>, unchanged) and in zh-CN: on generated dirty cities with
/// every layer (roads, managed address points, water, a neck width) and a hand-drawn management zone, one finding or more
/// of every class, and every note template used; the Chinese text holds no Latin letter once the codes are taken out.
/// </summary>
public sealed partial class EnclaveNotesTests(ITestOutputHelper log)
{
    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();

    private static IEnumerable<EnclaveFinding> Generated(long seed)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Size = CitySize.Small, Dirty = EnclaveTruth.EnclavesOnly });
        var set = new ImportedDivisions("city", "synthetic", city.Divisions, CrsSource.Stated, null, []).In(CrsCode.Cgcs2000);
        // the layers as the CLI reads them: written to CITY.layers.geojson (lon/lat) and read back
        var layers = ScoringLayersGenerator.Generate(city, seed);
        var path = Path.Combine(Path.GetTempPath(), $"boundaries-notes-{seed}-{Guid.NewGuid():N}.geojson");
        try
        {
            ScoringLayersJson.Write(layers, path);
            return EnclaveFinder.Find(set, new EnclaveOptions
            {
                Level = DivisionLevel.Township,
                NeckWidthMeters = 50,
                Roads = ScoringLayersJson.ReadLines(path),
                ManagementPoints = [.. ScoringLayersJson.ReadManagedPoints(path).Select(m => new ManagedPoint(m.Location, m.Manager))],
                Water = CoordinateTransformer.Create(city.Divisions.Crs, CrsCode.Cgcs2000).Transform(layers.River.Buffer(20)),
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<EnclaveFinding> HandDrawnZone()
    {
        const double X = 500000, Y = 4300000;
        static string Box(double x0, double y0, double x1, double y1) =>
            $"({X + x0} {Y + y0}, {X + x1} {Y + y0}, {X + x1} {Y + y1}, {X + x0} {Y + y1}, {X + x0} {Y + y0})";
        var reader = new WKTReader();
        var set = new DivisionSet(
        [
            new("120101001", "A", DivisionLevel.Township, null, reader.Read($"POLYGON({Box(0, 0, 1000, 1000)})")),
            new("120101002", "B", DivisionLevel.Township, null, reader.Read($"POLYGON({Box(1000, 0, 2000, 1000)})")),
        ], CrsCode.Parse("EPSG:4548"));
        return EnclaveFinder.Find(set, new EnclaveOptions { ManagementZones = [new ManagementZone(reader.Read($"POLYGON({Box(800, 300, 1000, 500)})"), "120101002")] });
    }

    [Fact]
    public void EveryClass_NoteInEnglishAndChinese()
    {
        var findings = new[] { 1L, 2, 3 }.SelectMany(Generated).Concat(HandDrawnZone()).ToList();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            var detail = Assert.IsType<FindingDetail>(f.Evidence.Detail);
            keys.Add(detail.Key);
            var en = EnclaveNotes.Text(f, ReportLanguage.English);
            var zh = EnclaveNotes.Text(f, ReportLanguage.Chinese);
            Assert.Equal(f.Evidence.Note, en);
            Assert.NotEqual(en, zh);
            Assert.False(string.IsNullOrWhiteSpace(zh));
            // the codes (and any manager's name) are the only words not in Chinese
            var bare = new[] { f.Owner, f.Evidence.ManagedBy, f.Evidence.EnclosingOwner }.Concat(f.Hosts)
                .Where(c => c is not null).Aggregate(zh, (t, c) => t.Replace(c!, "", StringComparison.Ordinal));
            Assert.False(Latin().IsMatch(bare), $"{f.Class.Name()}: {zh}");
        }
        foreach (var g in findings.GroupBy(f => f.Class).OrderBy(g => g.Key))
        {
            var f = g.First();
            log.WriteLine($"{g.Key.Name()} ({g.Count()}): {EnclaveNotes.Text(f, ReportLanguage.English)} | {EnclaveNotes.Text(f, ReportLanguage.Chinese)}");
        }
        log.WriteLine("templates used: " + string.Join(", ", keys.Order(StringComparer.Ordinal)));
        Assert.Equal(Enum.GetValues<EnclaveClass>().Order(), findings.Select(f => f.Class).Distinct().Order());
    }
}
