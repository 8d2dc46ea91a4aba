using System.Text.Json;
using Boundaries.Cli;
using Boundaries.Geo.Topology;
using Boundaries.Store.GeoPackage;
using Boundaries.Store.Lines;
using Boundaries.Store.Tests.Support;

namespace Boundaries.Store.Tests.Cli;

/// <summary><c>boundaries store history LINE-CODE</c>: the versions of a boundary line with the change sets between them.</summary>
public sealed class StoreLineHistoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("boundaries-store-cli-lines-").FullName;

    [Fact]
    public async Task HistoryOfALineListsItsVersionsAndChangeSets()
    {
        var path = Path.Combine(_dir, "s.gpkg");
        await using (var store = new GeoPackageBoundaryStore(path))
        {
            await store.InitializeAsync();
            await store.SaveTopologyAsync(TopologyRecords.From(EdgeTopology.Build(Sample.City())), new ChangeSetInfo("张三", "2020 survey", new DateOnly(2020, 1, 1)));
            var line = (await store.GetLinesAsync()).Single(l => l.Line.Code == "120101001/120101002");
            await store.ApplyLinesAsync(new LineChangeSet("李四", "field survey 2023", new DateOnly(2023, 7, 1),
                [new LineChange(line.Line.Code, line.VersionId, line.Line with { LengthMeters = 1 })]));
        }
        using var o = new StringWriter();
        using var e = new StringWriter();
        Assert.Equal(0, BoundariesApp.Run(["--format", "json", "store", "history", "120101001/120101002", "--store", path], o, e));
        using var json = JsonDocument.Parse(o.ToString());
        var versions = json.RootElement.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal(("2020-01-01", "2023-07-01"), (versions[0].GetProperty("valid_from").GetString(), versions[0].GetProperty("valid_to").GetString()));
        Assert.Equal(1.0, versions[1].GetProperty("length_m").GetDouble());
        Assert.Equal(2, json.RootElement.GetProperty("change_sets").GetArrayLength());

        using var text = new StringWriter();
        Assert.Equal(0, BoundariesApp.Run(["store", "history", "120101001/120101002", "--store", path], text, e));
        Assert.Contains("field survey 2023", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("120101001 | 120101002", text.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
