using System.Collections.Concurrent;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Geo.Topology;
using Boundaries.Geo.Validation;
using Boundaries.Store.Lines;
using Boundaries.Store.Survey;
using Boundaries.Store.Tests.Support;

namespace Boundaries.Store.Tests;

public abstract partial class BoundaryStoreContract
{
    // lines and nodes

    [Fact]
    public async Task TopologyBuildRoundTripsLinesAndNodes()
    {
        await using var store = await NewStoreAsync();
        var topology = EdgeTopology.Build(Sample.City());
        var build = TopologyRecords.From(topology);
        var receipt = await store.SaveTopologyAsync(build, Initial);
        Assert.Equal((topology.Lines.Length, 0, 0), (receipt.Created, receipt.Replaced, receipt.Retired));

        var lines = await store.GetLinesAsync(Y2023);
        Assert.Equal(build.Lines.Select(l => l.Code).Order(StringComparer.Ordinal), lines.Select(l => l.Line.Code).Order(StringComparer.Ordinal));
        foreach (var expected in topology.Lines)
        {
            // every line of the topology comes back with the same sides and vertices
            Assert.Single(lines, l => l.Line.Left == expected.Left && l.Line.Right == expected.Right && l.Line.Geometry.EqualsExact(expected.Geometry));
        }
        Assert.All(lines, l => Assert.Equal(4490, l.Line.Geometry.SRID));
        var nodes = await store.GetNodesAsync(Y2023);
        Assert.Equal(topology.Nodes.Length, nodes.Length);
        Assert.Equal(topology.TriJunctions.Count(), nodes.Count(n => n.Node.IsTriJunction));
        Assert.Empty(await store.GetLinesAsync(new DateOnly(2019, 1, 1)));

        var again = await store.SaveTopologyAsync(build, new ChangeSetInfo("李四", "re-run", Y2023));
        Assert.Equal((0, 0, 0, topology.Lines.Length), (again.Created, again.Replaced, again.Retired, again.Unchanged));
    }

    [Fact]
    public async Task NewTopologyBuildVersionsChangedLinesByDate()
    {
        await using var store = await NewStoreAsync();
        await store.SaveTopologyAsync(TopologyRecords.From(EdgeTopology.Build(Sample.City())), Initial);
        var changed = Sample.City().Divisions.Select(d => Sample.Changed2023().Divisions.FirstOrDefault(c => c.Code == d.Code) is { } c ? d with { Geometry = c.Geometry } : d);
        var second = TopologyRecords.From(EdgeTopology.Build(new DivisionSet([.. changed], CrsCode.Cgcs2000)));
        await Assert.ThrowsAsync<StoreDataException>(() => store.SaveTopologyAsync(second, new ChangeSetInfo("王五", "no date")));
        var receipt = await store.SaveTopologyAsync(second, new ChangeSetInfo("王五", "民政部批复 2023-15", Y2023));
        Assert.True(receipt.Replaced > 0, "the moved line between 001 and 002 is replaced");

        const string Moved = "120101001/120101002";
        var history = await store.GetLineHistoryAsync(Moved);
        Assert.Equal(2, history.Versions.Length);
        Assert.Equal((Y2020, (DateOnly?)Y2023), (history.Versions[0].ValidFrom!.Value, history.Versions[0].ValidTo));
        Assert.Equal(["2020 survey", "民政部批复 2023-15"], history.ChangeSets.Select(c => c.Reason));
        var before = (await store.GetLinesAsync(new DateOnly(2023, 6, 30))).Single(l => l.Line.Code == Moved);
        var after = (await store.GetLinesAsync(Y2023)).Single(l => l.Line.Code == Moved);
        // the topology snaps to the 1 mm grid of the Gauss-Krüger plane: within 1e-7 degrees of the input meridians
        Assert.All(before.Line.Geometry.Coordinates, c => Assert.Equal(117.1, c.X, 1e-7));
        Assert.All(after.Line.Geometry.Coordinates, c => Assert.Equal(117.12, c.X, 1e-7));
        Assert.Empty((await store.GetLineHistoryAsync("no/such")).Versions);
    }

    [Fact]
    public async Task SecondEditOfTheSameLineIsRefused()
    {
        await using var store = await NewStoreAsync();
        await store.SaveTopologyAsync(TopologyRecords.From(EdgeTopology.Build(Sample.City())), Initial);
        var seen = (await store.GetLinesAsync(Y2023)).First(l => l.Line.Left is not null && l.Line.Right is not null);
        var mine = seen.Line with { LengthMeters = seen.Line.LengthMeters + 1 };
        var theirs = seen.Line with { LengthMeters = seen.Line.LengthMeters + 2 };
        var edits = new[] { ("official A", mine), ("official B", theirs) }.Select(e => Task.Run(() =>
            store.ApplyLinesAsync(new LineChangeSet(e.Item1, "field survey", Y2023, [new LineChange(seen.Line.Code, seen.VersionId, e.Item2)])))).ToArray();
        var outcomes = new ConcurrentBag<string>();
        foreach (var t in edits)
        {
            try
            {
                await t;
                outcomes.Add("won");
            }
            catch (ConcurrencyConflictException e)
            {
                Assert.Equal((seen.Line.Code, (long?)seen.VersionId), (e.Code, e.ExpectedVersionId));
                outcomes.Add("conflict");
            }
        }
        Assert.Equal(["conflict", "won"], outcomes.Order());
        var history = await store.GetLineHistoryAsync(seen.Line.Code);
        Assert.Equal(2, history.Versions.Length);
        var late = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.ApplyLinesAsync(
            new LineChangeSet("official C", "late", new DateOnly(2024, 1, 1), [new LineChange(seen.Line.Code, seen.VersionId, theirs)])));
        Assert.Equal(seen.Line.Code, late.Code);
        Assert.Equal(2, (await store.GetLineHistoryAsync(seen.Line.Code)).Versions.Length);
    }

    // markers, observations, findings

    [Fact]
    public async Task MarkersObservationsAndFindingsRoundTrip()
    {
        await using var store = await NewStoreAsync();
        var m1 = new MarkerRecord("1201010001001Q", 'Q', "1201010001", Sample.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(117.1, 39.05)), 3.25, 0.012, new DateOnly(2021, 4, 2));
        var m2 = m1 with { Number = "1201010001002A", Type = 'A', Geometry = Sample.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(117.1, 39.08)) };
        var first = await store.SaveMarkersAsync([m1, m2], Initial);
        Assert.Equal((2, 0, 0), (first.Created, first.Replaced, first.Unchanged));
        var moved = m1 with { Geometry = Sample.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(117.1001, 39.05)), SurveyedOn = new DateOnly(2023, 5, 1) };
        var second = await store.SaveMarkersAsync([moved, m2], new ChangeSetInfo("测量队", "2023 复测"));
        Assert.Equal((0, 1, 1), (second.Created, second.Replaced, second.Unchanged));
        var markers = await store.GetMarkersAsync("1201010001");
        Assert.Equal(2, markers.Length);
        Assert.Equal(moved, markers[0].Marker with { Geometry = moved.Geometry });
        Assert.True(markers[0].Marker.Geometry.EqualsExact(moved.Geometry));
        Assert.Empty(await store.GetMarkersAsync("9999"));
        await Assert.ThrowsAsync<StoreDataException>(() => store.SaveMarkersAsync([m1, m1], Initial));

        var at = new DateTime(2023, 5, 1, 2, 3, 4, DateTimeKind.Utc);
        var obs = new SurveyObservation("1201010001001Q", Sample.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(117.10011, 39.05002)), 3.3, 0.02, at, "day1.nmea:17");
        Assert.Equal(2, (await store.AddObservationsAsync([obs, obs with { ObservedAt = null, Name = null, Source = "day1.nmea:18" }], Initial)).Created);
        var stored = await store.GetObservationsAsync("1201010001001Q");
        var got = Assert.Single(stored).Observation;
        Assert.Equal((obs.Name, obs.HeightMeters, obs.SigmaHorizontalMeters, obs.ObservedAt, obs.Source), (got.Name, got.HeightMeters, got.SigmaHorizontalMeters, got.ObservedAt, got.Source));
        Assert.True(got.Geometry.EqualsExact(obs.Geometry));
        Assert.Equal(2, (await store.GetObservationsAsync()).Length);

        Assert.Empty(await store.GetFindingsAsync());
        var gap = new Finding(FindingCode.InvalidGeometry, Severity.Error, ["120101001", "120101002"], Sample.Box(117.1, 39.0, 117.1001, 39.1), 12.5, "m2", "a gap");
        var run = await store.SaveFindingsAsync([gap], new ChangeSetInfo("validate", "nightly check"));
        var findings = await store.GetFindingsAsync();
        var f = Assert.Single(findings);
        Assert.Equal(run.ChangeSetId, f.ChangeSetId);
        Assert.Equal((gap.Code, gap.Severity, gap.Measure, gap.MeasureUnit, gap.Message), (f.Finding.Code, f.Finding.Severity, f.Finding.Measure, f.Finding.MeasureUnit, f.Finding.Message));
        Assert.Equal(gap.Divisions.ToArray(), f.Finding.Divisions.ToArray());
        Assert.True(f.Finding.Location.EqualsExact(gap.Location));
    }
}
