using System.Collections.Concurrent;
using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Store.Tests.Support;
using NetTopologySuite.Geometries;

namespace Boundaries.Store.Tests;

/// <summary>
/// The behaviour every <see cref="IBoundaryStore"/> must have. Each implementation runs these same cases through a subclass
/// that says how to make a fresh, empty store.
/// </summary>
public abstract partial class BoundaryStoreContract
{
    protected static readonly DateOnly Y2020 = new(2020, 1, 1);
    protected static readonly DateOnly Y2023 = new(2023, 7, 1);
    protected static readonly ChangeSetInfo Initial = new("张三", "2020 survey", Y2020);

    /// <summary>A fresh, initialized, empty store.</summary>
    protected abstract Task<IBoundaryStore> NewStoreAsync();

    // round trip

    [Fact]
    public async Task PushThenPullReturnsEqualDivisions()
    {
        await using var store = await NewStoreAsync();
        var city = Sample.City();
        var receipt = await store.ImportAsync(city, Initial);
        Assert.Equal((5, 0, 0), (receipt.Created, receipt.Replaced, receipt.Unchanged));

        var pulled = await store.GetDivisionsAsync(new DateOnly(2024, 1, 1));
        Assert.Equal(city.Divisions.Select(d => d.Code), pulled.Select(p => p.Division.Code));
        foreach (var (expected, got) in city.Divisions.Zip(pulled.Select(p => p.Division)))
        {
            Assert.True(expected.Geometry.EqualsExact(got.Geometry), $"{expected.Code}: {got.Geometry} differs from {expected.Geometry}");
            Assert.Equal(expected.Geometry.GeometryType, got.Geometry.GeometryType);
            Assert.Equal(4490, got.Geometry.SRID);
            Assert.Equal((expected.Name, expected.Level, expected.ParentCode), (got.Name, got.Level, got.ParentCode));
            Assert.Equal(Y2020, got.ValidFrom);
            Assert.Null(got.ValidTo);
            Assert.Equal(expected.Attributes.OrderBy(a => a.Key), got.Attributes.OrderBy(a => a.Key));
        }
        var townships = await store.GetDivisionsAsync(new DateOnly(2024, 1, 1), DivisionLevel.Township);
        Assert.Equal(4, townships.Length);
    }

    [Fact]
    public async Task PushingTheSameDataAgainChangesNothing()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Sample.City(), Initial);
        var again = await store.ImportAsync(Sample.City(), new ChangeSetInfo("李四", "re-run", Y2023));
        Assert.Equal((0, 0, 5), (again.Created, again.Replaced, again.Unchanged));
        Assert.Single((await store.GetHistoryAsync("120101001")).Versions);
    }

    [Fact]
    public async Task RefusesSetsNotInCgcs2000()
    {
        await using var store = await NewStoreAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => store.ImportAsync(Sample.City() with { Crs = CrsCode.Wgs84 }, Initial));
    }

    // versions by date

    [Fact]
    public async Task DateQueryReturnsCoverageAsItStood()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Sample.City(), Initial);
        var r = await store.ImportAsync(Sample.Changed2023(), new ChangeSetInfo("王五", "民政部批复 2023-15", Y2023));
        Assert.Equal((0, 2, 0), (r.Created, r.Replaced, r.Unchanged));

        Assert.Empty(await store.GetDivisionsAsync(new DateOnly(2019, 12, 31)));
        var before = await store.GetDivisionsAsync(new DateOnly(2023, 6, 30), DivisionLevel.Township);
        var after = await store.GetDivisionsAsync(Y2023, DivisionLevel.Township);
        Assert.Equal(4, before.Length);
        Assert.Equal(4, after.Length);
        Assert.True(Geometry("120101001", before).EqualsExact(Sample.Box(117.0, 39.0, 117.1, 39.1)));
        Assert.True(Geometry("120101001", after).EqualsExact(Sample.Box(117.0, 39.0, 117.12, 39.1)));
        Assert.True(Geometry("120101002", after).EqualsExact(Sample.Box(117.12, 39.0, 117.2, 39.1)));
        // untouched divisions are the same version on both days
        Assert.Equal(Version("120101003", before), Version("120101003", after));
        var old = (await store.GetDivisionAsync("120101001", new DateOnly(2021, 5, 5)))!;
        Assert.Equal(Y2023, old.Division.ValidTo);
    }

    [Fact]
    public async Task ReplacementMustStartAfterTheVersionInForce()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Sample.City(), Initial);
        var e = await Assert.ThrowsAsync<StoreDataException>(() => store.ImportAsync(Sample.Changed2023(), new ChangeSetInfo("a", "b", new DateOnly(2019, 1, 1))));
        Assert.Equal("120101001", e.Code);
        var noDate = await Assert.ThrowsAsync<StoreDataException>(() => store.ImportAsync(Sample.Changed2023(), new ChangeSetInfo("a", "b")));
        Assert.Contains("effective date", noDate.Reason, StringComparison.Ordinal);
        Assert.Single((await store.GetHistoryAsync("120101001")).Versions);
    }

    // change sets, audit, history

    [Fact]
    public async Task ChangeSetClosesOldVersionAndOpensNew()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Sample.City(), Initial);
        var current = (await store.GetDivisionAsync("120101003"))!;
        var moved = current.Division with { Name = "五大道街道（新）", Geometry = Sample.Box(117.0, 39.1, 117.1, 39.21) };
        var receipt = await store.ApplyAsync(new ChangeSet("赵六", "区划调整方案 7", Y2023,
            [new DivisionChange("120101003", current.VersionId, moved), new DivisionChange("120101002", (await store.GetDivisionAsync("120101002"))!.VersionId, null)]));
        Assert.Equal((0, 1, 1), (receipt.Created, receipt.Replaced, receipt.Retired));

        var history = await store.GetHistoryAsync("120101003");
        Assert.Equal(2, history.Versions.Length);
        var (first, second) = (history.Versions[0], history.Versions[1]);
        Assert.Equal((Y2020, (DateOnly?)Y2023), (first.Division.ValidFrom!.Value, first.Division.ValidTo));
        Assert.Equal((Y2023, (DateOnly?)null), (second.Division.ValidFrom!.Value, second.Division.ValidTo));
        Assert.Equal(receipt.ChangeSetId, first.ClosedBy);
        Assert.Equal(receipt.ChangeSetId, second.CreatedBy);
        Assert.Equal("五大道街道（新）", second.Division.Name);
        Assert.Equal(["2020 survey", "区划调整方案 7"], history.ChangeSets.Select(c => c.Reason));
        Assert.Equal("赵六", history.ChangeSets[1].Author);
        Assert.Equal(Y2023, history.ChangeSets[1].EffectiveDate);

        Assert.Null(await store.GetDivisionAsync("120101002", Y2023));
        Assert.NotNull(await store.GetDivisionAsync("120101002", new DateOnly(2023, 6, 30)));

        var audit = await store.GetAuditAsync(receipt.ChangeSetId);
        Assert.Equal(2, audit.Length);
        var replace = audit.Single(a => a.Code == "120101003");
        Assert.Equal(("replace", (long?)first.VersionId, (long?)second.VersionId), (replace.Action, replace.BeforeVersionId, replace.AfterVersionId));
        var retire = audit.Single(a => a.Code == "120101002");
        Assert.Equal("retire", retire.Action);
        Assert.Null(retire.AfterVersionId);
        Assert.Equal(("赵六", "区划调整方案 7"), (retire.ChangeSet.Author, retire.ChangeSet.Reason));
        Assert.Equal(5 + 2, (await store.GetAuditAsync()).Length);
    }

    [Fact]
    public async Task HistoryOfUnknownCodeIsEmpty()
    {
        await using var store = await NewStoreAsync();
        var history = await store.GetHistoryAsync("999999");
        Assert.Empty(history.Versions);
        Assert.Empty(history.ChangeSets);
    }

    // optimistic concurrency

    [Fact]
    public async Task SecondEditOfTheSameVersionIsRefusedAndOverwritesNothing()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Sample.City(), Initial);
        var seen = (await store.GetDivisionAsync("120101001"))!;
        var mine = seen.Division with { Geometry = Sample.Box(117.0, 39.0, 117.11, 39.1) };
        var theirs = seen.Division with { Geometry = Sample.Box(117.0, 39.0, 117.09, 39.1) };
        await store.ApplyAsync(new ChangeSet("official A", "edit", Y2023, [new DivisionChange("120101001", seen.VersionId, mine)]));
        var e = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.ApplyAsync(new ChangeSet("official B", "edit", new DateOnly(2024, 1, 1), [new DivisionChange("120101001", seen.VersionId, theirs)])));
        Assert.Equal(("120101001", (long?)seen.VersionId), (e.Code, e.ExpectedVersionId));
        var now = (await store.GetDivisionAsync("120101001", new DateOnly(2025, 1, 1)))!;
        Assert.True(now.Division.Geometry.EqualsExact(mine.Geometry));
        Assert.Equal(2, (await store.GetHistoryAsync("120101001")).Versions.Length);
    }

    [Fact]
    public async Task OfTwoSimultaneousEditsExactlyOneWins()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Sample.City(), Initial);
        var seen = (await store.GetDivisionAsync("120101004"))!;
        var edits = Enumerable.Range(0, 2).Select(i => Task.Run(() => store.ApplyAsync(new ChangeSet($"official {i}", "edit", Y2023,
            [new DivisionChange("120101004", seen.VersionId, seen.Division with { Name = $"edit {i}" })])))).ToArray();
        var outcomes = await Task.WhenAll(edits.Select(async t =>
        {
            try
            {
                await t;
                return "won";
            }
            catch (ConcurrencyConflictException)
            {
                return "conflict";
            }
        }));
        Assert.Equal(["conflict", "won"], outcomes.Order());
        var history = await store.GetHistoryAsync("120101004");
        Assert.Equal(2, history.Versions.Length);
        Assert.Equal(2, history.ChangeSets.Length);
    }

    // atomicity

    [Fact]
    public async Task ImportWithABadRecordInTheMiddleLeavesNothingAndRetrySucceeds()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(new DivisionSet([Sample.District()], CrsCode.Cgcs2000), Initial);
        var townships = Sample.Townships();
        var line = Sample.Factory.CreateLineString([new(117.0, 39.0), new(117.1, 39.1)]);
        var bad = new DivisionSet([townships[0], townships[1], townships[2] with { Geometry = line }, townships[3]], CrsCode.Cgcs2000);
        var e = await Assert.ThrowsAsync<StoreDataException>(() => store.ImportAsync(bad, new ChangeSetInfo("a", "bad", Y2020)));
        Assert.Equal((2, "120101003"), (e.Index!.Value, e.Code!));
        Assert.Single(await store.GetDivisionsAsync(Y2023));
        Assert.Single(await store.GetAuditAsync());
        Assert.Empty((await store.GetHistoryAsync("120101001")).Versions);

        var twice = new DivisionSet([townships[0], townships[1], townships[0]], CrsCode.Cgcs2000);
        await Assert.ThrowsAsync<StoreDataException>(() => store.ImportAsync(twice, new ChangeSetInfo("a", "twice", Y2020)));
        Assert.Single(await store.GetDivisionsAsync(Y2023));

        var retry = await store.ImportAsync(new DivisionSet(townships, CrsCode.Cgcs2000), new ChangeSetInfo("a", "retry", Y2020));
        Assert.Equal(4, retry.Created);
        Assert.Equal(5, (await store.GetDivisionsAsync(Y2023)).Length);
    }

    // notification

    [Fact]
    public async Task SubscriberIsToldAfterAChange()
    {
        await using var store = await NewStoreAsync();
        var seen = new BlockingCollection<StoreChange>();
        await using (await store.SubscribeAsync(seen.Add))
        {
            var receipt = await store.ImportAsync(Sample.City(), Initial);
            Assert.True(seen.TryTake(out var change, TimeSpan.FromSeconds(10)), "no notification within 10 s");
            Assert.Equal(receipt.ChangeSetId, change!.ChangeSetId);
        }
    }

    // helpers

    private static Geometry Geometry(string code, ImmutableArray<StoredDivision> divisions) =>
        divisions.Single(d => d.Division.Code == code).Division.Geometry;

    private static long Version(string code, ImmutableArray<StoredDivision> divisions) =>
        divisions.Single(d => d.Division.Code == code).VersionId;
}
