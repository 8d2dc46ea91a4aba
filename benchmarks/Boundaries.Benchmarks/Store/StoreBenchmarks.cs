using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Boundaries.Benchmarks.Support;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Store;
using Boundaries.Store.GeoPackage;
using Boundaries.Store.PostGis;
using NetTopologySuite.Geometries;
using Npgsql;

namespace Boundaries.Benchmarks.Store;

/// <summary>
/// The stores on the full-size generated sample city (<see cref="SampleCity"/>: the city, 16 districts, 250 townships):
/// a whole bulk load (PostGIS by binary COPY, GeoPackage by copy-on-write) into a fresh store, reading every division back,
/// one in-database <c>boundaries.locate</c> call over loopback, and the PostGIS GiST join of 1,000,000 random points (uniform
/// over the city's extent, GiST-indexed) against the divisions of every level — the baseline the in-memory locator must
/// beat. (Without the index on the points PostGIS loops over the points and cannot reuse its prepared polygon: over 7
/// minutes.) PostGIS
/// comes from <c>scripts/postgis.sh start</c>; every run uses fresh databases. The join and locate results are per point.
/// </summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private const int JoinPoints = 1_000_000;
    private static readonly DateOnly Day = new(2024, 1, 1);
    private static readonly ChangeSetInfo Info = new("benchmark", "bulk load", new DateOnly(2020, 1, 1));

    private readonly string _run = "bench_" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _dir = Directory.CreateTempSubdirectory("boundaries-store-bench-").FullName;
    private string _admin = "";
    private DivisionSet _city = null!;
    private PostGisBoundaryStore _readPg = null!;
    private GeoPackageBoundaryStore _readGpkg = null!;
    private NpgsqlConnection _sql = null!;
    private NpgsqlCommand _locate = null!;
    private double[] _x = [];
    private double[] _y = [];
    private int _next;
    private IBoundaryStore? _target;
    private int _fresh;
    private string _lastConnection = "";

    [GlobalSetup]
    public void Setup()
    {
        _city = SampleCity.LonLat(CitySize.Full);
        _admin = StartPostGis();
        Execute(_admin, $"CREATE DATABASE {_run}_template");
        Execute(With(_admin, $"{_run}_template"), "CREATE EXTENSION postgis; CREATE EXTENSION btree_gist;");
        _readPg = FreshPostGis();
        _readPg.ImportAsync(_city, Info).GetAwaiter().GetResult();
        _readGpkg = FreshGeoPackage();
        _readGpkg.ImportAsync(_city, Info).GetAwaiter().GetResult();

        var extent = new Envelope();
        foreach (var d in _city.Divisions)
        {
            extent.ExpandToInclude(d.Geometry.EnvelopeInternal);
        }
        var random = new Random(42);
        _x = new double[4096];
        _y = new double[4096];
        for (var i = 0; i < _x.Length; i++)
        {
            _x[i] = extent.MinX + random.NextDouble() * extent.Width;
            _y[i] = extent.MinY + random.NextDouble() * extent.Height;
        }
        var readCs = _lastConnection;
        Execute(readCs, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"""
            SELECT setseed(0.42);
            CREATE TABLE points AS SELECT i AS id, ST_SetSRID(ST_MakePoint({extent.MinX} + random() * {extent.Width}, {extent.MinY} + random() * {extent.Height}), 4490) AS geom
              FROM generate_series(1, {JoinPoints}) AS i;
            CREATE INDEX points_geom ON points USING gist (geom);
            ANALYZE points; ANALYZE boundaries.divisions;
            """));
        var builder = new NpgsqlDataSourceBuilder(readCs);
        _sql = builder.Build().OpenConnection();
        _locate = new NpgsqlCommand("SELECT level, code, name FROM boundaries.locate($1, $2, $3)", _sql);
        _locate.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double });
        _locate.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double });
        _locate.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date, Value = Day });
        _locate.Prepare();
        Console.WriteLine($"// sample city (full): {_city.Divisions.Length} divisions, {_city.Divisions.Sum(d => (long)d.Geometry.NumPoints)} vertices; " +
            $"join of {JoinPoints} points gives {Join()} rows, through the parts {JoinThroughParts()} rows");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _locate.Dispose();
        _sql.Dispose();
        _readPg.DisposeAsync().AsTask().GetAwaiter().GetResult();
        NpgsqlConnection.ClearAllPools();
        for (var i = 0; i < _fresh; i++)
        {
            Execute(_admin, $"DROP DATABASE IF EXISTS {_run}_{i} WITH (FORCE)");
        }
        Execute(_admin, $"DROP DATABASE IF EXISTS {_run}_template WITH (FORCE)");
        Directory.Delete(_dir, recursive: true);
    }

    [IterationSetup(Target = nameof(PostGisBulkLoad))]
    public void NewPostGis() => _target = FreshPostGis();

    [IterationSetup(Target = nameof(GeoPackageBulkLoad))]
    public void NewGeoPackage() => _target = FreshGeoPackage();

    [IterationCleanup(Targets = [nameof(PostGisBulkLoad), nameof(GeoPackageBulkLoad)])]
    public void DropTarget() => _target?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The whole city into a fresh PostGIS store: one transaction, binary COPY into staging, then the version rows.</summary>
    [Benchmark]
    public long PostGisBulkLoad() => _target!.ImportAsync(_city, Info).GetAwaiter().GetResult().Created;

    /// <summary>The whole city into a fresh GeoPackage store (copy-on-write, one SQLite transaction, R-tree triggers).</summary>
    [Benchmark]
    public long GeoPackageBulkLoad() => _target!.ImportAsync(_city, Info).GetAwaiter().GetResult().Created;

    /// <summary>Every division in force on a day, read back from PostGIS with geometries.</summary>
    [Benchmark]
    public int PostGisReadAll() => _readPg.GetDivisionsAsync(Day).GetAwaiter().GetResult().Length;

    /// <summary>Every division in force on a day, read back from the GeoPackage with geometries.</summary>
    [Benchmark]
    public int GeoPackageReadAll() => _readGpkg.GetDivisionsAsync(Day).GetAwaiter().GetResult().Length;

    /// <summary>One <c>boundaries.locate(lon, lat, date)</c> call over loopback on an open connection (prepared).</summary>
    [Benchmark]
    public int PostGisLocateOneCall()
    {
        var i = _next++ & (_x.Length - 1);
        _locate.Parameters[0].Value = _x[i];
        _locate.Parameters[1].Value = _y[i];
        var rows = 0;
        using var reader = _locate.ExecuteReader();
        while (reader.Read())
        {
            rows++;
        }
        return rows;
    }

    /// <summary>The GiST join of 1,000,000 points against the divisions of every level in force on a day; per point.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = JoinPoints)]
    public long PostGisJoinMillionPoints() => Join();

    /// <summary>
    /// The same join through <c>boundaries.division_parts</c> (migrations 003/004: parts of at most 128 points, GiST); one row per point and
    /// version as above (a point on a cut line meets two parts of one version).
    /// </summary>
    [Benchmark(OperationsPerInvoke = JoinPoints)]
    public long PostGisJoinMillionPointsThroughParts() => JoinThroughParts();

    private long JoinThroughParts()
    {
        using var command = new NpgsqlCommand("""
            SELECT count(*) FROM (
              SELECT DISTINCT p.id, d.version_id FROM points p
              JOIN boundaries.division_parts dp ON ST_Covers(dp.geom, p.geom)
              JOIN boundaries.divisions d ON d.version_id = dp.version_id AND daterange(d.valid_from, d.valid_to, '[)') @> $1) j
            """, _sql) { CommandTimeout = 600 };
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date, Value = Day });
        return (long)command.ExecuteScalar()!;
    }

    private long Join()
    {
        using var command = new NpgsqlCommand("""
            SELECT count(*) FROM points p JOIN boundaries.divisions d
              ON ST_Covers(d.geom, p.geom) AND daterange(d.valid_from, d.valid_to, '[)') @> $1
            """, _sql) { CommandTimeout = 600 };
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date, Value = Day });
        return (long)command.ExecuteScalar()!;
    }

    private PostGisBoundaryStore FreshPostGis()
    {
        var name = $"{_run}_{_fresh++}";
        Execute(_admin, $"CREATE DATABASE {name} TEMPLATE {_run}_template");
        _lastConnection = With(_admin, name);
        var store = new PostGisBoundaryStore(_lastConnection);
        store.InitializeAsync().GetAwaiter().GetResult();
        return store;
    }

    private GeoPackageBoundaryStore FreshGeoPackage()
    {
        var store = new GeoPackageBoundaryStore(Path.Combine(_dir, $"store{_fresh++}.gpkg"));
        store.InitializeAsync().GetAwaiter().GetResult();
        return store;
    }

    private static string StartPostGis()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Boundaries.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("Boundaries.sln not found");
        }
        var info = new ProcessStartInfo("bash", ["scripts/postgis.sh", "start"]) { WorkingDirectory = root, RedirectStandardOutput = true };
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgis.sh start failed ({p.ExitCode})");
        }
        return output.Trim().Split('\n')[^1];
    }

    private static string With(string cs, string database) => new NpgsqlConnectionStringBuilder(cs) { Database = database }.ToString();

    private static void Execute(string cs, string sql)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Pooling = false }.ToString());
        c.Open();
        using var command = new NpgsqlCommand(sql, c) { CommandTimeout = 600 };
        command.ExecuteNonQuery();
    }
}
