using System.Text.Json;

namespace Boundaries.Cli.Tests.Commands;

/// <summary><c>enclaves plan</c> with the new options (zone transfers, road following, net-population limit, no corridors)
/// and <c>apply</c> of a plan whose changes carry moves (read back from the plan JSON, applied in lon/lat on the 1 mm grid).</summary>
public sealed class EnclavesOptionsTests
{
    [Fact]
    public void ZoneTransfers_FollowingTheRoads_ApplyClean_AndTheNetPeopleLimitHolds()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "1", "--output", city).ExitCode);
        var layers = dir.File("city.layers.geojson");
        var plan = dir.File("plan.json");
        var run = CliRun.Of("enclaves", "plan", city, "--level", "township", "--roads", layers, "--management", layers,
            "--follow-tolerance", "40", "--corridor-max", "0", "--output", plan);
        Assert.True(run.ExitCode == 0, run.Error);
        using (var doc = JsonDocument.Parse(File.ReadAllText(plan)))
        {
            var changes = doc.RootElement.GetProperty("changes").EnumerateArray().ToList();
            var zones = changes.Where(c => c.GetProperty("kind").GetString() == "TransferZone").ToList();
            Assert.NotEmpty(zones);
            Assert.All(zones, z =>
            {
                var moves = z.GetProperty("moves").EnumerateArray().ToList();
                Assert.Equal(z.GetProperty("area_m2").GetDouble(), moves.Sum(m => m.GetProperty("area_m2").GetDouble()), 0);
                Assert.Equal("Polygon", moves[0].GetProperty("piece").GetProperty("type").GetString());
            });
            Assert.DoesNotContain(changes, c => c.GetProperty("kind").GetString() == "Corridor");
        }
        var applied = dir.File("new.gpkg");
        var apply = CliRun.Of("enclaves", "apply", city, plan, "--level", "township", "--effective", "2025-01-01", "--output", applied);
        Assert.True(apply.ExitCode == 0, apply.Error); // exit 1 when the result has an error the input had not

        // a net-population limit of 0: no division may gain or lose anyone, so no change moves people
        var strict = dir.File("strict.json");
        Assert.Equal(0, CliRun.Of("enclaves", "plan", city, "--level", "township", "--roads", layers, "--management", layers,
            "--max-net-people", "0", "--output", strict).ExitCode);
        using var strictDoc = JsonDocument.Parse(File.ReadAllText(strict));
        var moving = strictDoc.RootElement.GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("kind").GetString() != "Keep").ToList();
        Assert.All(moving, c => Assert.Equal(0, c.GetProperty("people_moved").GetInt32()));
        Assert.Equal(0, strictDoc.RootElement.GetProperty("people_moved").GetInt32());
    }

    [Fact]
    public void BadCorridorWidth_IsRefused()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "3", "--output", city).ExitCode);
        var run = CliRun.Of("enclaves", "plan", city, "--level", "township", "--corridor-width", "-5", "--output", dir.File("p.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("corridor width", run.Error);
    }
}
