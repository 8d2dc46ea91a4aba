using System.Text;
using Boundaries.Cli.Tests.Commands;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using Boundaries.Survey.Model;
using Boundaries.Survey.Reading;
using FsCheck.Xunit;
using NetTopologySuite.Geometries;

namespace Boundaries.Cli.Tests.Hardening;

/// <summary>
/// Properties over every reader: a good file of each format (NMEA, UTF-16 NMEA, GPX, RTKLIB .pos, CASS .dat, CSV, Leica
/// GSI, Carlson RW5; division GeoJSON, CSV and GeoPackage), mutated by <see cref="Mutator"/>, is read or refused with
/// <see cref="BoundariesFormatException"/> naming the file — never another exception — and the read ends (it runs
/// under a cancellation token; a read still running when the token fires is a hang and fails). Every corpus file
/// (tests/corpus) goes through the same check. Each input is counted in <see cref="HostileTally"/>.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class ReaderPropertyTests(HostileTally tally)
{
    private const int Runs = 150;
    private static readonly TimeSpan HangBound = TimeSpan.FromMinutes(2);

    private static readonly Dictionary<string, (SurveyFormat Format, byte[] Seed)> Survey = new()
    {
        ["walk.nmea"] = (SurveyFormat.Nmea, Head(Shared("gnss-gpsbabel-ref", "track_nmea.nmea"), 6000)),
        ["walk16.nmea"] = (SurveyFormat.Nmea, Head(Shared("gnss-gpsbabel-ref", "track_nmea_utf16.nmea"), 6000)),
        ["track.gpx"] = (SurveyFormat.Gpx, File.ReadAllBytes(Shared("gnss-gpsbabel-ref", "qstarz_bl-1000.gpx"))),
        ["rtk.pos"] = (SurveyFormat.RtklibPos, Encoding.UTF8.GetBytes("""
            % program   : RTKPOST ver.2.4.2
            %  GPST          latitude(deg) longitude(deg)  height(m)   Q  ns   sdn(m)   sde(m)   sdu(m)  sdne(m)  sdeu(m)  sdun(m) age(s)  ratio
            2021/06/01 04:00:18.000   39.123456789  117.200000000    10.1234   1  12   0.0030   0.0040   0.0076  -0.0010   0.0017  -0.0025   1.00   54.3
            2021/06/01 04:00:19.000   39.123456800  117.200000100    10.1300   2  11   0.0830   0.0640   0.1176  -0.0010   0.0017  -0.0025   1.00    2.1
            """)),
        ["markers.dat"] = (SurveyFormat.CassDat, Encoding.UTF8.GetBytes("J001,界桩,508123.456,4331234.567,3.210\nJ002,,508200.000,4331300.000,3.300\nJ003,房角,508250.5,4331350.25\n")),
        ["points.csv"] = (SurveyFormat.Csv, Encoding.UTF8.GetBytes("name,lon,lat,fix,sd\nM1,117.2,39.1,4,0.02\nM2,117.3,39.2,5,0.3\n")),
        ["field.gsi"] = (SurveyFormat.LeicaGsi, File.ReadAllBytes(Shared("survey-controller-tops", "leica_gsi__RILIEVO.gsi"))),
        ["field.rw5"] = (SurveyFormat.CarlsonRw5, File.ReadAllBytes(Shared("survey-controller-tops", "carlson_rw5__Leica1200.rw5"))),
    };

    private static readonly Lazy<Dictionary<string, byte[]>> Divisions = new(MakeDivisionSeeds);

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Corpus(), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Corpus(), file));
        }
        return data;
    }

    [Fact]
    public void TheSeedsAreGoodFiles()
    {
        // Guards the properties: unmutated seeds yield data, so refusals come from the mutations.
        foreach (var (name, (format, seed)) in Survey)
        {
            var result = SurveyReader.Read(new MemoryStream(seed), format, Options(format), name);
            Assert.True(result.Batch.Points.Length + result.Batch.Observations.Length > 0, name);
        }
        foreach (var (name, seed) in Divisions.Value)
        {
            Assert.Equal(2, ReadDivisions(name, seed).Set.Divisions.Length);
        }
    }

    [Property(MaxTest = Runs)]
    public bool Nmea(int seed) => Survives("walk.nmea", seed);

    [Property(MaxTest = Runs)]
    public bool NmeaUtf16(int seed) => Survives("walk16.nmea", seed);

    [Property(MaxTest = Runs)]
    public bool Gpx(int seed) => Survives("track.gpx", seed);

    [Property(MaxTest = Runs)]
    public bool RtklibPos(int seed) => Survives("rtk.pos", seed);

    [Property(MaxTest = Runs)]
    public bool CassDat(int seed) => Survives("markers.dat", seed);

    [Property(MaxTest = Runs)]
    public bool SurveyCsv(int seed) => Survives("points.csv", seed);

    [Property(MaxTest = Runs)]
    public bool LeicaGsi(int seed) => Survives("field.gsi", seed);

    [Property(MaxTest = Runs)]
    public bool CarlsonRw5(int seed) => Survives("field.rw5", seed);

    [Property(MaxTest = Runs)]
    public bool DivisionGeoJson(int seed) => SurvivesDivisions("fuzz.geojson", seed);

    [Property(MaxTest = Runs)]
    public bool DivisionCsv(int seed) => SurvivesDivisions("fuzz.csv", seed);

    [Property(MaxTest = 60)]
    public bool DivisionGeoPackage(int seed) => SurvivesDivisions("fuzz.gpkg", seed);

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void EveryCorpusFileIsReadOrRefusedByName(string relative)
    {
        var path = Path.Combine(Corpus(), relative);
        var name = Path.GetFileName(path);
        var ok = Bounded(() =>
        {
            try
            {
                if (relative.StartsWith("survey", StringComparison.Ordinal))
                {
                    SurveyReader.Read(path);
                }
                else if (relative.StartsWith("divisions", StringComparison.Ordinal))
                {
                    DivisionFiles.Read(path);
                }
                else
                {
                    return true; // batch bodies: sent over HTTP by HttpPropertyTests
                }
                return true;
            }
            catch (BoundariesFormatException ex)
            {
                return ex.Message.Contains(name, StringComparison.Ordinal);
            }
        });
        if (!relative.StartsWith("batch", StringComparison.Ordinal))
        {
            tally.Tried("corpus files", crashed: !ok);
        }
        Assert.True(ok, relative);
    }

    private bool Survives(string name, int number)
    {
        var (format, seed) = Survey[name];
        var bytes = Mutator.Mutate(seed, number);
        var ok = Bounded(() =>
        {
            try
            {
                var result = SurveyReader.Read(new MemoryStream(bytes), format, Options(format), name);
                return result.Issues.All(i => !string.IsNullOrWhiteSpace(i.ToString()));
            }
            catch (BoundariesFormatException ex)
            {
                return ex.Message.Contains(name, StringComparison.Ordinal);
            }
        });
        tally.Tried("survey readers", crashed: !ok);
        return ok;
    }

    private bool SurvivesDivisions(string name, int number)
    {
        var bytes = Mutator.Mutate(Divisions.Value[name], number);
        var ok = Bounded(() =>
        {
            try
            {
                ReadDivisions(name, bytes);
                return true;
            }
            catch (BoundariesFormatException ex)
            {
                return ex.Message.Contains(name, StringComparison.Ordinal);
            }
        });
        tally.Tried("division readers", crashed: !ok);
        return ok;
    }

    /// <summary>Runs a read under a cancellation token: an exception other than the documented one, or no end, is a failure.</summary>
    private static bool Bounded(Func<bool> read)
    {
        using var cancel = new CancellationTokenSource(HangBound);
        var task = Task.Run(read);
        try
        {
            task.Wait(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("the read did not end: a hang");
        }
        catch (AggregateException ex)
        {
            throw new InvalidOperationException("a reader crashed: " + ex.InnerException, ex.InnerException);
        }
        return task.Result;
    }

    private static SurveyReadOptions Options(SurveyFormat format) => format switch
    {
        SurveyFormat.CassDat => new SurveyReadOptions { Crs = CrsCode.GaussKruger(39, false) },
        SurveyFormat.Csv => new SurveyReadOptions { Csv = new CsvColumnMap { Name = "name", X = "lon", Y = "lat", Quality = "fix", SigmaHorizontal = "sd", Geographic = true } },
        _ => new SurveyReadOptions(),
    };

    private static DivisionReadResult ReadDivisions(string name, byte[] bytes)
    {
        var dir = Directory.CreateTempSubdirectory("boundaries-prop-").FullName;
        try
        {
            var path = Path.Combine(dir, name);
            File.WriteAllBytes(path, bytes);
            return DivisionFiles.Read(path);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Dictionary<string, byte[]> MakeDivisionSeeds()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4490);
        Polygon Square(double x) => factory.CreatePolygon([new(x, 39.1), new(x + 0.1, 39.1), new(x + 0.1, 39.2), new(x, 39.2), new(x, 39.1)]);
        var set = new DivisionSet(
            [new Division("120101001", "和平", DivisionLevel.Township, "120101", Square(117.1)), new Division("120101002", "河西", DivisionLevel.Township, "120101", Square(117.2))],
            CrsCode.Cgcs2000);
        var seeds = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var dir = Directory.CreateTempSubdirectory("boundaries-seed-").FullName;
        try
        {
            foreach (var name in new[] { "fuzz.geojson", "fuzz.csv", "fuzz.gpkg" })
            {
                var path = Path.Combine(dir, name);
                DivisionFiles.Write(set, path);
                seeds[name] = File.ReadAllBytes(path);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        return seeds;
    }

    private static byte[] Head(string path, int bytes)
    {
        var all = File.ReadAllBytes(path);
        var cut = Math.Min(all.Length, bytes);
        while (cut < all.Length && all[cut - 1] != (byte)'\n')
        {
            cut++;
        }
        return all[..cut];
    }

    private static string Corpus() => Path.Combine(ServeAccessTests.RepoRoot(), "tests", "corpus");

    private static string Shared(string folder, string file) =>
        Path.GetFullPath(Path.Combine(ServeAccessTests.RepoRoot(), "..", "shared", "data", folder, file));
}
