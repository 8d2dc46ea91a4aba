using System.Diagnostics;
using System.Text.Json;
using Boundaries.Cli;
using Boundaries.Store.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Boundaries.Store.Tests.Faults;

/// <summary>
/// <c>boundaries enclaves apply --store</c> killed with SIGKILL at several points of its run — at fractions of a full
/// run's length and, deterministically, inside its transaction (PostGIS: blocked on a row the test holds; GeoPackage:
/// while its copy of the file is being written) — leaves the store holding exactly the old or exactly the new version
/// of every division and of the audit and change-set rows, never a mix. Each attempt starts from the same old store;
/// the new state is that of the same apply run to the end.
/// </summary>
[Collection(FaultTests.Collection)]
public sealed class KillDuringApplyTests : IDisposable
{
    private static readonly double[] Fractions = [0.3, 0.55, 0.7, 0.8, 0.9, 0.97];
    private readonly string _dir = Directory.CreateTempSubdirectory("boundaries-kill-apply-").FullName;
    private readonly ITestOutputHelper _log;

    public KillDuringApplyTests(ITestOutputHelper log) => _log = log;

    [Fact]
    public async Task GeoPackageStoreHoldsTheOldOrTheNewVersionNeverAMix()
    {
        var (city, plan) = Prepare();
        var old = Path.Combine(_dir, "old.gpkg");
        Push(city, old);
        var reference = Copy(old, "reference");
        var (elapsed, changed) = ApplyToEnd(city, plan, reference);
        Assert.NotEmpty(changed);
        var (oldState, newState) = (await StoreFingerprint.OfAsync(old), await StoreFingerprint.OfAsync(reference));
        Assert.NotEqual(oldState, newState);

        var outcomes = new List<string>();
        for (var i = 0; i < Fractions.Length; i++)
        {
            var store = Copy(old, "timed" + i);
            KillAfter(city, plan, store, elapsed * Fractions[i]);
            outcomes.Add(Judge(await StoreFingerprint.OfAsync(store), oldState, newState, $"killed at {Fractions[i]:P0}"));
        }
        // inside the write: the child is stopped (SIGSTOP) once its copy of the store exists; when the copy is still
        // there while it is stopped, it was mid-write, and then it is killed. A small write may finish before the stop
        // lands: such an attempt is judged too, and another one made.
        string? inside = null;
        for (var attempt = 0; attempt < 8 && inside is null; attempt++)
        {
            var store = Copy(old, "inside" + attempt);
            var dir = Path.GetDirectoryName(store)!;
            using var child = Apply(city, plan, store);
            while (!child.HasExited && !Directory.EnumerateFiles(dir, $".{Path.GetFileName(store)}.*.tmp").Any())
            {
                Thread.Sleep(1);
            }
            var stopped = !child.HasExited && Tools.Run("kill", "-STOP", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Exit == 0;
            var caught = stopped && Directory.EnumerateFiles(dir, $".{Path.GetFileName(store)}.*.tmp").Any();
            child.KillHard();
            var outcome = Judge(await StoreFingerprint.OfAsync(store), oldState, newState, "killed during the write");
            if (caught)
            {
                Assert.Equal("old", outcome);
                inside = store;
            }
        }
        Assert.True(inside is not null, "no kill landed inside the write in 8 attempts");
        outcomes.Add("old (inside the write)");
        _log.WriteLine("outcomes: " + string.Join(", ", outcomes));
    }

    [Fact]
    public async Task PostGisStoreHoldsTheOldOrTheNewVersionNeverAMix()
    {
        var (city, plan) = Prepare();
        var old = PostGisServer.CreateDatabase();
        Push(city, old);
        NpgsqlConnection.ClearAllPools();
        var reference = Clone(old, "reference");
        var (elapsed, changed) = ApplyToEnd(city, plan, reference);
        Assert.True(changed.Count >= 2, "the plan changes at least two divisions");
        var (oldState, newState) = (await StoreFingerprint.OfAsync(old), await StoreFingerprint.OfAsync(reference));
        Assert.NotEqual(oldState, newState);
        NpgsqlConnection.ClearAllPools();

        var outcomes = new List<string>();
        for (var i = 0; i < Fractions.Length; i++)
        {
            var store = Clone(old, "timed" + i);
            KillAfter(city, plan, store, elapsed * Fractions[i]);
            outcomes.Add(Judge(await StoreFingerprint.OfAsync(store), oldState, newState, $"killed at {Fractions[i]:P0}"));
            NpgsqlConnection.ClearAllPools();
        }

        // inside the transaction: the test holds the row of the last division the apply closes; the apply has written
        // its change set, earlier versions and audit rows, and waits on that row when it is killed
        var inside = Clone(old, "inside");
        var database = new NpgsqlConnectionStringBuilder(inside).Database;
        await using (var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(inside) { Pooling = false }.ToString()))
        {
            await holder.OpenAsync();
            await using var hold = await holder.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM boundaries.divisions WHERE code = $1 AND valid_to IS NULL FOR UPDATE", holder, hold))
            {
                lockRow.Parameters.AddWithValue(changed[^1]);
                Assert.NotNull(await lockRow.ExecuteScalarAsync());
            }
            using var child = Apply(city, plan, inside);
            while (!child.HasExited && Convert.ToInt64(PostGisServer.Scalar(PostGisServer.AdminConnectionString,
                $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database}' AND wait_event_type = 'Lock'"), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                Thread.Sleep(5);
            }
            Assert.False(child.HasExited, "the apply ended before it reached the held row: " + child.Error);
            child.KillHard();
            await hold.RollbackAsync();
        }
        // the dead client's server process notices the closed socket and rolls back
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Convert.ToInt64(PostGisServer.Scalar(PostGisServer.AdminConnectionString,
            $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database}'"), System.Globalization.CultureInfo.InvariantCulture) > 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }
        outcomes.Add(Judge(await StoreFingerprint.OfAsync(inside), oldState, newState, "killed inside the transaction"));
        Assert.Equal("old", outcomes[^1]);
        _log.WriteLine("outcomes: " + string.Join(", ", outcomes));
    }

    private static string Judge(string state, string oldState, string newState, string when)
    {
        if (state == oldState)
        {
            return "old";
        }
        Assert.True(state == newState, $"{when}: the store holds neither the old nor the new version:\n{Diff(state, oldState, newState)}");
        return "new";
    }

    private static string Diff(string state, string oldState, string newState)
    {
        var rows = state.Split('\n').ToHashSet();
        var o = oldState.Split('\n').ToHashSet();
        var n = newState.Split('\n').ToHashSet();
        return "in neither: " + string.Join("\n  ", rows.Where(r => !o.Contains(r) && !n.Contains(r)).Take(5))
            + "\nmissing from new: " + string.Join("\n  ", n.Where(r => !rows.Contains(r)).Take(5));
    }

    private (string City, string Plan) Prepare()
    {
        var city = Path.Combine(_dir, "city.gpkg");
        Assert.Equal(0, Run("synth", "--seed", "3", "--output", city));
        var plan = Path.Combine(_dir, "plan.json");
        Assert.Equal(0, Run("enclaves", "plan", city, "--level", "township", "--output", plan));
        return (city, plan);
    }

    private void Push(string city, string store)
    {
        Assert.Equal(0, Run("store", "init", "--store", store));
        Assert.Equal(0, Run("store", "push", city, "--store", store, "--effective", "2020-01-01", "--author", "测绘院", "--reason", "2020 普查"));
    }

    private CliProcess Apply(string city, string plan, string store) =>
        CliProcess.Start("enclaves", "apply", city, plan, "--level", "township", "--effective", "2025-01-01", "--output",
            Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".gpkg"), "--store", store, "--author", "民政局", "--reason", "津政函〔2025〕1号", "--format", "json");

    private (TimeSpan Elapsed, List<string> Changed) ApplyToEnd(string city, string plan, string store)
    {
        var clock = Stopwatch.StartNew();
        using var child = Apply(city, plan, store);
        while (!child.HasExited)
        {
            Thread.Sleep(5);
        }
        clock.Stop();
        child.WaitForEnd();
        Assert.True(child.ExitCode == 0, child.Error);
        using var json = JsonDocument.Parse(child.Output);
        return (clock.Elapsed, [.. json.RootElement.GetProperty("changed").EnumerateArray().Select(c => c.GetProperty("code").GetString()!)]);
    }

    private void KillAfter(string city, string plan, string store, TimeSpan after)
    {
        using var child = Apply(city, plan, store);
        var clock = Stopwatch.StartNew();
        while (!child.HasExited && clock.Elapsed < after)
        {
            Thread.Sleep(1);
        }
        child.KillHard();
    }

    private string Copy(string path, string name)
    {
        var copy = Path.Combine(_dir, name + ".gpkg");
        File.Copy(path, copy);
        return copy;
    }

    private static string Clone(string connection, string suffix)
    {
        var source = new NpgsqlConnectionStringBuilder(connection).Database!;
        var name = source + "_" + suffix;
        PostGisServer.Execute(PostGisServer.AdminConnectionString, $"CREATE DATABASE {name} TEMPLATE {source}");
        return PostGisServer.With(connection, name);
    }

    private static int Run(params string[] args) => BoundariesApp.Run(args, TextWriter.Null, TextWriter.Null);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
