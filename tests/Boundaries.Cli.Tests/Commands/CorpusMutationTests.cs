using Boundaries.Geo.Formats;
using Boundaries.Survey.Model;
using Boundaries.Survey.Reading;

namespace Boundaries.Cli.Tests.Commands;

/// <summary>
/// Real survey files from ../shared/data (gpsd NMEA, GPSBabel GPX, Leica GSI, Carlson RW5), each mutated 150 times with a
/// fixed seed (cut short, a byte replaced, bytes inserted — often invalid UTF-8) and read through
/// <see cref="SurveyReader"/>: each read yields points and issues or throws <see cref="BoundariesFormatException"/>
/// naming the source, never another exception.
/// </summary>
public sealed class CorpusMutationTests
{
    [Theory]
    [InlineData("gnss-nmea-gpsd", "nmea-rtk.log", SurveyFormat.Nmea)]
    [InlineData("gnss-gpsbabel-ref", "track_nmea.nmea", SurveyFormat.Nmea)]
    [InlineData("gnss-gpsbabel-ref", "skytraq-realdata.gpx", SurveyFormat.Gpx)]
    [InlineData("survey-controller-tops", "leica_gsi__RILIEVO.gsi", SurveyFormat.LeicaGsi)]
    [InlineData("survey-controller-tops", "carlson_rw5__Trav_19leg.rw5", SurveyFormat.CarlsonRw5)]
    public void MutatedSurveyFilesAreReadOrRefusedByName(string folder, string file, SurveyFormat format)
    {
        var seed = File.ReadAllBytes(SharedData(folder, file));
        var original = SurveyReader.Read(new MemoryStream(seed), format, null, file);
        Assert.True(original.Batch.Points.Length + original.Batch.Observations.Length > 0, "the unmutated file yields nothing");
        var rng = new Random(file.Length * 7919);
        for (var i = 0; i < 150; i++)
        {
            var at = rng.Next(seed.Length);
            var value = (byte)rng.Next(256);
            byte[] mutated = (i % 3) switch
            {
                0 => seed[..at],
                1 => [.. seed[..at], value, .. seed[(at + 1)..]],
                _ => [.. seed[..at], value, (byte)(value ^ 0x80), 0xFF, .. seed[at..]],
            };
            try
            {
                SurveyReader.Read(new MemoryStream(mutated), format, null, file);
            }
            catch (BoundariesFormatException ex)
            {
                Assert.Contains(file, ex.Message, StringComparison.Ordinal);
            }
            catch (Exception ex)
            {
                Assert.Fail($"{file}, mutation {i} (kind {i % 3} at byte {at}, value {value}): {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    private static string SharedData(string folder, string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Boundaries.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", folder, file));
                return File.Exists(path) ? path : throw new FileNotFoundException("shared data missing: CI lays ../shared beside the checkout", path);
            }
        }
        throw new DirectoryNotFoundException("Boundaries.sln not found above " + AppContext.BaseDirectory);
    }
}
