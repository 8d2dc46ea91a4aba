using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Boundaries.Cli.Tests.Commands;

/// <summary><c>enclaves plan --roads --management</c>: the plan carries people, households and facilities moved and the
/// road-following share.</summary>
public sealed class EnclavesPlanScoringTests
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    [Fact]
    public void Plan_WithTheSynthLayers_CountsThePeopleHouseholdsAndFacilitiesInEachTransferredPiece()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "1", "--output", city).ExitCode);
        var layers = dir.File("city.layers.geojson");
        var plan = dir.File("plan.json");
        var run = CliRun.Of("enclaves", "plan", city, "--level", "township", "--roads", layers, "--management", layers, "--output", plan);
        Assert.True(run.ExitCode == 0, run.Error);
        using var doc = JsonDocument.Parse(File.ReadAllText(plan));
        var root = doc.RootElement;

        // the oracle: the layer file's points counted in each piece, here in lon/lat (the planner counts in GK metres)
        using var layerDoc = JsonDocument.Parse(File.ReadAllText(layers));
        var points = layerDoc.RootElement.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("geometry").GetProperty("type").GetString() == "Point")
            .Select(f => (Point: Point(f.GetProperty("geometry")), Properties: f.GetProperty("properties").Clone())).ToList();
        var addresses = points.Where(p => p.Properties.GetProperty("layer").GetString() == "address").ToList();
        var facilities = points.Where(p => p.Properties.GetProperty("layer").GetString() == "facility").ToList();
        Assert.Equal(addresses.Count, root.GetProperty("scoring").GetProperty("addresses").GetInt32());
        Assert.Equal(facilities.Count, root.GetProperty("scoring").GetProperty("facilities").GetInt32());
        Assert.True(root.GetProperty("scoring").GetProperty("lines").GetInt32() > 1, "roads and the river");

        var transfers = root.GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("kind").GetString() != "Keep").ToList();
        Assert.NotEmpty(transfers);
        int totalPeople = 0;
        foreach (var c in transfers)
        {
            var piece = JsonSerializer.Deserialize<Geometry>(c.GetProperty("piece").GetRawText(), GeoJson)!;
            var inside = addresses.Where(a => piece.Covers(a.Point)).ToList();
            Assert.Equal(inside.Sum(a => a.Properties.GetProperty("people").GetInt32()), c.GetProperty("people_moved").GetInt32());
            Assert.Equal(inside.Sum(a => a.Properties.GetProperty("households").GetInt32()), c.GetProperty("households_moved").GetInt32());
            Assert.Equal(facilities.Count(f => piece.Covers(f.Point)), c.GetProperty("facilities_moved").GetInt32());
            totalPeople += c.GetProperty("people_moved").GetInt32();
            var share = c.GetProperty("new_boundary_following_share");
            if (c.GetProperty("new_boundary_m").GetDouble() > 0)
            {
                Assert.InRange(share.GetDouble(), 0, 1);
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, share.ValueKind);
            }
        }
        Assert.True(totalPeople > 0, "some transferred piece holds people");
        Assert.Equal(totalPeople, root.GetProperty("people_moved").GetInt32());
        Assert.Contains(transfers, c => c.GetProperty("new_boundary_following_share").ValueKind == JsonValueKind.Number);

        // without the layers nothing is counted
        var bare = dir.File("bare.json");
        Assert.Equal(0, CliRun.Of("enclaves", "plan", city, "--level", "township", "--output", bare).ExitCode);
        using var bareDoc = JsonDocument.Parse(File.ReadAllText(bare));
        Assert.All(bareDoc.RootElement.GetProperty("changes").EnumerateArray(), c => Assert.Equal(0, c.GetProperty("people_moved").GetInt32()));
        Assert.Equal(0, bareDoc.RootElement.GetProperty("scoring").GetProperty("addresses").GetInt32());
    }

    private static Point Point(JsonElement geometry)
    {
        var c = geometry.GetProperty("coordinates");
        return new Point(c[0].GetDouble(), c[1].GetDouble());
    }
}
