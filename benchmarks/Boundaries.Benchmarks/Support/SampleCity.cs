using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;

namespace Boundaries.Benchmarks.Support;

/// <summary>The generated sample city in CGCS2000 lon/lat, made once per process (it is deterministic).</summary>
internal static class SampleCity
{
    private static readonly Dictionary<CitySize, DivisionSet> Cache = [];

    public static DivisionSet LonLat(CitySize size)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(size, out var set))
            {
                var city = CityGenerator.Generate(new CityOptions { Seed = 1, Size = size });
                set = new ImportedDivisions("synthetic", "synthetic", city.Divisions, CrsSource.Stated, null, []).In(CrsCode.Cgcs2000);
                Cache[size] = set;
            }
            return set;
        }
    }
}
