using System.Text.Json;

namespace Boundaries.Cli.Tests.Commands;

public sealed class EnclavesLayersTests
{
    [Fact]
    public void Synth_WritesLayers_FindReportsTheBuiltInAccessAndManagementEnclaves()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "1", "--output", city).ExitCode);
        var layers = dir.File("city.layers.geojson");
        Assert.True(File.Exists(layers));
        var truth = JsonDocument.Parse(File.ReadAllText(layers)).RootElement.GetProperty("truth");
        var find = CliRun.Of("enclaves", "find", city, "--level", "township", "--roads", layers, "--management", layers, "--format", "json");
        Assert.Equal(0, find.ExitCode);
        var findings = find.Json().EnumerateArray().ToList();
        string[] Owners(string cls) => [.. findings.Where(f => f.GetProperty("class").GetString() == cls).Select(f => f.GetProperty("owner").GetString()!).Order()];
        Assert.Equal(truth.GetProperty("access").EnumerateArray().Select(a => a.GetProperty("owner").GetString()!).Order(), Owners("practical-access"));
        Assert.Equal(truth.GetProperty("management").EnumerateArray().Select(a => a.GetProperty("legal").GetString()!).Order(), Owners("management"));
    }
}
