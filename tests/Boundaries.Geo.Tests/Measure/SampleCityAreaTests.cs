using System.Globalization;
using System.Text;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Measure;
using Boundaries.Geo.Synthesis;

namespace Boundaries.Geo.Tests.Measure;

/// <summary>Issue 2's bar: areas and perimeters of the sample city agree with PostGIS geography within 0.01 %.</summary>
public sealed class SampleCityAreaTests
{
    [Fact]
    public void EveryDivisionOfTheSampleCityAgreesWithPostgisGeography()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 1, Size = CitySize.Small });
        var toLonLat = CoordinateTransformer.Create(city.Divisions.Crs, CrsCode.Cgcs2000);
        var divisions = city.Divisions.Divisions.Select(d => (d.Code, Geometry: toLonLat.Transform(d.Geometry))).ToArray();

        var sql = new StringBuilder("CREATE TEMP TABLE city (i int, g geography);\n");
        for (var i = 0; i < divisions.Length; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO city VALUES ({i}, ST_GeomFromText('{divisions[i].Geometry.AsText()}', 4490)::geography);\n");
        }
        sql.Append("SELECT i, ST_Area(g), ST_Perimeter(g) FROM city ORDER BY i;\n");
        var rows = PostgisOracle.Query(sql.ToString());

        Assert.Equal(divisions.Length, rows.Length);
        var worst = 0.0;
        foreach (var row in rows)
        {
            var (code, geometry) = divisions[int.Parse(row[0], CultureInfo.InvariantCulture)];
            var area = EllipsoidalMeasure.AreaSquareMeters(geometry);
            var perimeter = EllipsoidalMeasure.PerimeterMeters(geometry);
            var areaError = Math.Abs(area / PostgisOracle.Number(row[1]) - 1);
            var perimeterError = Math.Abs(perimeter / PostgisOracle.Number(row[2]) - 1);
            Assert.True(areaError < 1e-4, $"{code}: area {area} vs PostGIS {row[1]}");
            Assert.True(perimeterError < 1e-4, $"{code}: perimeter {perimeter} vs PostGIS {row[2]}");
            worst = Math.Max(worst, Math.Max(areaError, perimeterError));
        }
        // Far inside the 0.01 %: the method is exact up to rounding.
        Assert.True(worst < 1e-8, $"worst relative difference {worst:E2}");
    }
}
