using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Tests.WebMap;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Tests.Divisions;

/// <summary>
/// Splitting and merging over a private copy of the sample city; the saved file is read back with the importer and
/// checked with NTS relations: the pieces tile the old division exactly, every other division is untouched.
/// </summary>
public sealed class SplitMergeApiTests : IAsyncLifetime
{
    private CityServer _server = null!;

    public async Task InitializeAsync() => _server = await CityServer.StartAsync(twoVersions: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private List<Division> Townships() => [.. _server.Divisions.Where(d => d.Level == DivisionLevel.Township)];

    private async Task<int> VersionAsync()
    {
        using var doc = JsonDocument.Parse(await _server.Client.GetStringAsync("/api/v1/version"));
        return doc.RootElement.GetProperty("version").GetInt32();
    }

    /// <summary>A township and a chord between two of its outer vertices that runs inside it, with a midpoint vertex.</summary>
    internal static (Division Division, double[][] Line) Chord(IEnumerable<Division> townships)
    {
        foreach (var d in townships.Where(d => d.Geometry is Polygon).OrderByDescending(d => d.Geometry.Area))
        {
            var polygon = (Polygon)d.Geometry;
            var ring = polygon.Shell.Coordinates;
            var n = ring.Length - 1;
            for (var step = 0; step < 12; step++)
            {
                var i = step * n / 24;
                var j = i + n / 2;
                var segment = polygon.Factory.CreateLineString([ring[i], ring[j]]);
                if (polygon.Covers(segment) && polygon.Boundary.Intersection(segment).NumGeometries == 2)
                {
                    var mid = new[] { (ring[i].X + ring[j].X) / 2, (ring[i].Y + ring[j].Y) / 2 };
                    return (d, [[ring[i].X, ring[i].Y], mid, [ring[j].X, ring[j].Y]]);
                }
            }
        }
        throw new InvalidOperationException("no township with a chord");
    }

    /// <summary>A free street serial in the division's district (valid code, so validation does not block it).</summary>
    internal static string NewCode(Division division, IEnumerable<Division> all) =>
        Enumerable.Range(1, 98).Select(k => division.Code[..6] + (99 - k).ToString("000", System.Globalization.CultureInfo.InvariantCulture))
            .Except(all.Select(d => d.Code)).First();

    [Fact]
    public async Task ASplitTilesTheOldDivisionExactlyAndTouchesNothingElse()
    {
        var (division, line) = Chord(Townships());
        var newCode = NewCode(division, _server.Divisions);
        var response = await _server.Client.PostAsJsonAsync("/api/v1/divisions/split", new
        {
            level = "township", code = division.Code, line, new_code = newCode, new_name = "新设街道", base_version = await VersionAsync(), author = "张科员", reason = "区划调整",
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        var saved = DivisionImporter.Import(_server.Path).In(CrsCode.Cgcs2000).Divisions;
        var kept = saved.Single(d => d.Level == DivisionLevel.Township && d.Code == division.Code).Geometry;
        var created = saved.Single(d => d.Level == DivisionLevel.Township && d.Code == newCode);
        Assert.Equal(division.ParentCode, created.ParentCode);
        Assert.Equal("新设街道", created.Name);
        Assert.True(created.Geometry.Area > 0 && created.Geometry.Area <= kept.Area);
        Assert.True(kept.Intersection(created.Geometry).Area < 1e-12, "the pieces overlap");
        Assert.True(kept.Union(created.Geometry).SymmetricDifference(division.Geometry).Area < 1e-12, "the pieces do not tile the old division");
        // both pieces hold the drawn line's end vertices exactly
        foreach (var end in new[] { line[0], line[^1] })
        {
            Assert.Contains(kept.Coordinates, c => c.X == end[0] && c.Y == end[1]);
            Assert.Contains(created.Geometry.Coordinates, c => c.X == end[0] && c.Y == end[1]);
        }
        var others = _server.Divisions.Where(d => !(d.Level == DivisionLevel.Township && d.Code == division.Code)).ToList();
        foreach (var d in others)
        {
            Assert.True(saved.Single(s => s.Level == d.Level && s.Code == d.Code).Geometry.EqualsExact(d.Geometry), d.Code + " changed");
        }
        Assert.Contains("张科员", File.ReadAllText(_server.Path + ".changes.jsonl"));
    }

    [Fact]
    public async Task ALineNotFromAVertexIsRefusedAndAStaleVersionConflicts()
    {
        var (division, line) = Chord(Townships());
        var off = new[] { line[0], line[1] }; // ends inside the division
        using var bad = await _server.Client.PostAsJsonAsync("/api/v1/divisions/split", new
        {
            level = "township", code = division.Code, line = off, new_code = "120199998", base_version = await VersionAsync(), author = "a", reason = "r",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var stale = await _server.Client.PostAsJsonAsync("/api/v1/divisions/split", new
        {
            level = "township", code = division.Code, line, new_code = "120199998", base_version = await VersionAsync() + 3, author = "a", reason = "r",
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.False(File.Exists(_server.Path + ".changes.jsonl"));
    }

    [Fact]
    public async Task AMergeIsTheUnionOfTwoNeighboursOfOneParent()
    {
        using var lines = JsonDocument.Parse(await _server.Client.GetStringAsync("/api/v1/lines?level=township"));
        var townships = Townships().ToDictionary(d => d.Code);
        var pair = lines.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))
            .Where(p => p.TryGetProperty("left", out var l) && p.TryGetProperty("right", out var r) && l.GetString() is { } a && r.GetString() is { } b
                && townships[a].ParentCode == townships[b].ParentCode)
            .Select(p => (A: p.GetProperty("left").GetString()!, B: p.GetProperty("right").GetString()!)).First();
        var response = await _server.Client.PostAsJsonAsync("/api/v1/divisions/merge", new
        {
            level = "township", code = pair.A, other = pair.B, base_version = await VersionAsync(), author = "张科员", reason = "撤并",
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var saved = DivisionImporter.Import(_server.Path).In(CrsCode.Cgcs2000).Divisions;
        Assert.DoesNotContain(saved, d => d.Level == DivisionLevel.Township && d.Code == pair.B);
        var merged = saved.Single(d => d.Level == DivisionLevel.Township && d.Code == pair.A).Geometry;
        Assert.True(merged.SymmetricDifference(townships[pair.A].Geometry.Union(townships[pair.B].Geometry)).Area < 1e-12);
        Assert.Equal(townships[pair.A].Geometry.Area + townships[pair.B].Geometry.Area, merged.Area, 1e-9);
        Assert.Equal(_server.Divisions.Count - 1, saved.Length);
    }
}
