using System.Text.Json;
using Boundaries.Geo.Synthesis;

namespace Boundaries.Geo.Tests.Synthesis;

public sealed class GroundTruthJsonTests
{
    [Fact]
    public void ManifestHasTheAgreedShape()
    {
        var json = GroundTruthJson.Serialize(CityChecks.Dirty.Truth);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(7, root.GetProperty("seed").GetInt64());
        Assert.Equal("small", root.GetProperty("size").GetString());
        Assert.True(root.GetProperty("dirty").GetBoolean());
        Assert.Equal("EPSG:4548", root.GetProperty("crs").GetString());
        Assert.Equal(4, root.GetProperty("counts").GetProperty("district").GetInt32());
        Assert.True(root.GetProperty("vertices").GetInt64() > 0);
        var gap = root.GetProperty("defects").EnumerateArray().Single(d => d.GetProperty("class").GetString() == "gap");
        Assert.StartsWith("POINT", gap.GetProperty("location_wkt").GetString(), StringComparison.Ordinal);
        Assert.True(gap.GetProperty("area_m2").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("multipart")[0].GetProperty("areas_m2").ValueKind);
    }

    [Fact]
    public void ChineseIsWrittenAsTextAndTheManifestRoundTrips()
    {
        var truth = CityChecks.Dirty.Truth;
        var json = GroundTruthJson.Serialize(truth);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        Assert.Contains("镇", json, StringComparison.Ordinal);
        var back = GroundTruthJson.Deserialize(json);
        Assert.Equal(json, GroundTruthJson.Serialize(back));
    }
}
