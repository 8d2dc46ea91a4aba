using System.Diagnostics;
using System.Globalization;
using System.Text;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Import;
using Boundaries.Geo.Tests.Support;

namespace Boundaries.Geo.Tests.Corpus;

/// <summary>
/// The hostile and broken division files in tests/corpus/divisions (truncated, empty, NaN and infinite and oversized
/// coordinates, deeply nested JSON, invalid UTF-8, GBK and UTF-16 text, SQL-like codes and names, a truncated
/// GeoPackage, a text file named .shp …) each read through <see cref="DivisionFiles.Read"/> and
/// <see cref="DivisionImporter.Import"/>: the read either succeeds (findings come later) or throws
/// <see cref="BoundariesFormatException"/> naming the file — never another exception, never a hang.
/// </summary>
public sealed class DivisionCorpusTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    public static string CorpusDir => Path.Combine(RepoPaths.Root, "tests", "corpus", "divisions");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(CorpusDir).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EachCorpusFileEndsInDataOrANamedFormatError(string name)
    {
        var path = Path.Combine(CorpusDir, name);
        Outcome(path, () => DivisionFiles.Read(path).Set.Divisions.Length);
        Outcome(path, () => DivisionImporter.Import(path).In(Boundaries.Geo.Crs.CrsCode.Cgcs2000).Divisions.Length);
    }

    [Fact]
    public void TheCorpusHoldsTheBrokenFilesItClaims()
    {
        // Guards the theory against an emptied or renamed corpus: these must be refused, not read.
        foreach (var name in new[] { "truncated.geojson", "not-json.geojson", "nan-coordinate.geojson", "deep-nesting.geojson", "broken-wkt.csv", "truncated.gpkg", "invalid-utf8.csv", "lying-vertex-count.gpkg", "lying-ring-count.gpkg", "lying-part-count.gpkg", "garbage-geometry.gpkg" })
        {
            var path = Path.Combine(CorpusDir, name);
            Assert.True(File.Exists(path), path);
            Assert.Throws<BoundariesFormatException>(() => DivisionFiles.Read(path));
        }
    }

    [Fact]
    public void BrokenWktNamesFileLineFeatureAndField()
    {
        var path = Path.Combine(CorpusDir, "broken-wkt.csv");
        var ex = Assert.Throws<BoundariesFormatException>(() => DivisionFiles.Read(path));
        Assert.Equal(path, ex.Path);
        Assert.Equal(2, ex.Line);
        Assert.Equal("wkt", ex.Field);
    }

    [Fact]
    public void ARingWithAMillionVerticesIsReadInBoundedTime()
    {
        var dir = Directory.CreateTempSubdirectory("boundaries-corpus-").FullName;
        try
        {
            var path = Path.Combine(dir, "huge-ring.geojson");
            const int n = 1_000_000;
            using (var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
            {
                w.Write("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"120101001\",\"name\":\"x\",\"level\":\"township\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
                for (var i = 0; i < n; i++)
                {
                    var a = 2 * Math.PI * i / n;
                    w.Write(string.Create(CultureInfo.InvariantCulture, $"[{117.2 + 0.1 * Math.Cos(a):R},{39.1 + 0.1 * Math.Sin(a):R}],"));
                }
                w.Write("[117.3,39.1]]]}}]}");
            }
            var count = Outcome(path, () => DivisionFiles.Read(path).Set.Divisions.Single().Geometry.NumPoints);
            Assert.True(count is null or >= n, $"read {count} vertices");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Runs <paramref name="read"/> within the budget; a result or a format error naming the file passes.</summary>
    private static int? Outcome(string path, Func<int> read)
    {
        var clock = Stopwatch.StartNew();
        var task = Task.Run(() =>
        {
            try
            {
                return (int?)read();
            }
            catch (BoundariesFormatException ex)
            {
                Assert.Contains(Path.GetFileName(path), ex.Message, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(ex.Reason), "a format error without a reason");
                return null;
            }
        });
        Assert.True(task.Wait(Budget), $"{path}: no answer within {Budget.TotalSeconds} s");
        Assert.True(clock.Elapsed < Budget);
        return task.Result;
    }
}
