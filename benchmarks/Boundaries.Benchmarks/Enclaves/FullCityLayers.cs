using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Synthesis;

namespace Boundaries.Benchmarks.Enclaves;

/// <summary>The full city's scoring layers (seed 1) written as CITY.layers.geojson and read back as the CLI reads them.</summary>
internal static class FullCityLayers
{
    public static EnclaveOptions Options()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 1, Size = CitySize.Full });
        var path = Path.Combine(Path.GetTempPath(), $"boundaries-bench-layers-{Guid.NewGuid():N}.geojson");
        try
        {
            ScoringLayersJson.Write(ScoringLayersGenerator.Generate(city, 1), path);
            return EnclaveOptions.Default with
            {
                Roads = ScoringLayersJson.ReadLines(path),
                ManagementPoints = [.. ScoringLayersJson.ReadManagedPoints(path).Select(m => new ManagedPoint(m.Location, m.Manager))],
            };
        }
        finally
        {
            File.Delete(path);
        }
    }
}
