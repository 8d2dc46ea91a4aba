using System.Text;
using Boundaries.Geo.Formats;
using FsCheck.Xunit;

namespace Boundaries.Geo.Tests.Corpus;

/// <summary>
/// Property: a valid GeoJSON or CSV division file, mutated (cut short, a byte replaced, random bytes inserted), read
/// through <see cref="DivisionFiles.Read"/> either yields divisions or throws <see cref="BoundariesFormatException"/>
/// naming the file — never another exception.
/// </summary>
public sealed class MutationFuzzTests
{
    private const string Square = "[[117.1,39.1],[117.2,39.1],[117.2,39.2],[117.1,39.2],[117.1,39.1]]";

    private static readonly byte[] GeoJson = Encoding.UTF8.GetBytes(
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"120101001\",\"name\":\"和平\",\"level\":\"township\"},"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + Square + "]}},{\"type\":\"Feature\",\"properties\":{\"code\":\"120101002\",\"name\":\"河西\",\"level\":\"township\"},"
        + "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[" + Square + "]]}}]}");

    private static readonly byte[] Csv = Encoding.UTF8.GetBytes(
        "code,name,level,wkt\n120101001,和平,township,\"POLYGON((117.1 39.1,117.2 39.1,117.2 39.2,117.1 39.2,117.1 39.1))\"\n"
        + "120101002,\"河西, 南\",township,\"MULTIPOLYGON(((117.2 39.1,117.3 39.1,117.3 39.2,117.2 39.1)))\"\n");

    [Property(MaxTest = 300)]
    public bool MutatedGeoJsonIsReadOrRefusedByName(int position, byte value, int kind) => Survives(GeoJson, ".geojson", position, value, kind);

    [Property(MaxTest = 300)]
    public bool MutatedCsvIsReadOrRefusedByName(int position, byte value, int kind) => Survives(Csv, ".csv", position, value, kind);

    [Fact]
    public void TheUnmutatedFilesAreReadable()
    {
        // Guards the properties: the seeds themselves are good, so refusals come from the mutations.
        Assert.Equal(2, Read(GeoJson, ".geojson").Set.Divisions.Length);
        Assert.Equal(2, Read(Csv, ".csv").Set.Divisions.Length);
    }

    private static bool Survives(byte[] seed, string extension, int position, byte value, int kind)
    {
        var at = (int)((uint)position % (uint)seed.Length);
        byte[] mutated = ((uint)kind % 3) switch
        {
            0 => seed[..at],
            1 => [.. seed[..at], value, .. seed[(at + 1)..]],
            _ => [.. seed[..at], value, (byte)(value ^ 0x80), .. seed[at..]],
        };
        try
        {
            Read(mutated, extension);
            return true;
        }
        catch (BoundariesFormatException ex)
        {
            return ex.Message.Contains("fuzz" + extension, StringComparison.Ordinal);
        }
    }

    private static DivisionReadResult Read(byte[] bytes, string extension)
    {
        var dir = Directory.CreateTempSubdirectory("boundaries-fuzz-").FullName;
        try
        {
            var path = Path.Combine(dir, "fuzz" + extension);
            File.WriteAllBytes(path, bytes);
            return DivisionFiles.Read(path);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
