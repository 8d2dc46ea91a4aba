using System.Globalization;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Sources;

namespace Boundaries.Viewer.Tests.Sources;

/// <summary>The server reloads when its file is replaced, and keeps serving the old divisions when the new file is bad.</summary>
public sealed class ReloadTests
{
    [Fact]
    public async Task ServesTheNewDivisionsAfterTheFileIsReplaced()
    {
        var dir = Directory.CreateTempSubdirectory("boundaries-reload-");
        try
        {
            var path = Path.Combine(dir.FullName, "city.geojson");
            var set = DivisionImporter.Import(TestSupport.SampleCity).In(CrsCode.Cgcs2000);
            DivisionFiles.Write(set, path);
            var probe = set.Divisions.First(d => d.Level == DivisionLevel.Township);
            var point = probe.Geometry.InteriorPoint;
            await using var host = await BoundariesServer.StartAsync(new FileBoundarySource(path), new ServerOptions { Urls = "http://127.0.0.1:0" });
            using var client = new HttpClient { BaseAddress = new Uri(host.Urls[0]) };
            var url = string.Create(CultureInfo.InvariantCulture, $"/api/v1/locate?lon={point.X:R}&lat={point.Y:R}");
            Assert.Equal(probe.Code, await TownshipAt(client, url));

            // A broken file must not take the server down: it keeps answering from the last good load.
            var reloads = 0;
            host.Reloaded += _ => Interlocked.Increment(ref reloads);
            await File.WriteAllTextAsync(path, "{ not json");
            await Task.Delay(1500);
            Assert.Equal(0, Volatile.Read(ref reloads));
            Assert.Equal(probe.Code, await TownshipAt(client, url));

            // Replace atomically (write beside, rename over) with the township renumbered.
            var renumbered = set with
            {
                Divisions = [.. set.Divisions.Select(d => d.Code == probe.Code ? d with { Code = probe.Code[..^3] + "999" } : d)],
            };
            var temp = Path.Combine(dir.FullName, "city.tmp.geojson");
            DivisionFiles.Write(renumbered, temp);
            File.Move(temp, path, overwrite: true);

            var deadline = DateTime.UtcNow.AddSeconds(20);
            string? now;
            while ((now = await TownshipAt(client, url)) != probe.Code[..^3] + "999" && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            Assert.Equal(probe.Code[..^3] + "999", now);
            Assert.True(host.Version >= 2);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<string?> TownshipAt(HttpClient client, string url)
    {
        var json = JsonDocument.Parse(await client.GetStringAsync(url)).RootElement;
        return json.GetProperty("levels").EnumerateArray().Last().GetProperty("code").GetString();
    }
}
