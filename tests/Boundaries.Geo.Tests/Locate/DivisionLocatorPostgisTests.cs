using System.Globalization;
using System.Text;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Locate;
using Boundaries.Geo.Model;
using Boundaries.Geo.Tests.Measure;
using Boundaries.Geo.Tests.Support;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Tests.Locate;

/// <summary>
/// The locator against a live PostGIS <c>ST_Covers</c> on the 3,221 US counties of the 2010 census cartographic file
/// (real exclaves, enclaves and holes; ../shared/data/us-counties-census2010, see its SOURCE.md).
/// </summary>
public sealed class DivisionLocatorPostgisTests
{
    [Fact]
    public void AgreesWithPostgisStCoversOnUsCounties()
    {
        var path = Path.Combine(RepoPaths.SharedData, "us-counties-census2010", "geojson-counties-fips.json");
        var divisions = DivisionFiles.Read(path, new DivisionReadOptions { CodeField = "id", Level = DivisionLevel.District }).Set.Divisions;
        Assert.Equal(3221, divisions.Length);
        var locator = DivisionLocator.Build(divisions);

        // Random points over the lower 48 and Alaska, plus exact county vertices (shared between neighbours).
        var random = new Random(2010);
        var points = new List<(double X, double Y)>();
        for (var i = 0; i < 3000; i++)
        {
            points.Add((-125 + random.NextDouble() * 58, 24 + random.NextDouble() * 26));
        }
        for (var i = 0; i < 300; i++)
        {
            points.Add((-170 + random.NextDouble() * 40, 52 + random.NextDouble() * 19));
        }
        for (var i = 0; i < 700; i++)
        {
            var coords = divisions[random.Next(divisions.Length)].Geometry.Coordinates;
            var c = coords[random.Next(coords.Length)];
            points.Add((c.X, c.Y));
        }

        var expected = QueryPostgis(divisions, points);
        var failures = new StringBuilder();
        var covered = 0;
        var multiple = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var answer = locator.Locate(points[i].X, points[i].Y).Levels.Single();
            var got = string.Join(',', answer.Candidates.Select(d => d.Code).Order(StringComparer.Ordinal));
            var want = expected.GetValueOrDefault(i, "");
            covered += want.Length > 0 ? 1 : 0;
            multiple += want.Contains(',') ? 1 : 0;
            if (got != want || (answer.Division?.Code ?? "") != want.Split(',')[0])
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"POINT({points[i].X:R} {points[i].Y:R}): PostGIS [{want}], locator [{got}] chose {answer.Division?.Code}");
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());
        // The sample reached the hard cases: most points in some county, and shared vertices covered by several.
        Assert.True(covered > 2000, $"{covered} points covered");
        Assert.True(multiple > 300, $"{multiple} points on shared vertices");
    }

    /// <summary>Point index → the codes of the counties whose geometry ST_Covers it, ordered, comma-separated.</summary>
    private static Dictionary<int, string> QueryPostgis(IReadOnlyList<Division> divisions, List<(double X, double Y)> points)
    {
        var sql = new StringBuilder();
        sql.AppendLine("CREATE TEMP TABLE c(code text, g geometry); CREATE TEMP TABLE p(i int, x float8, y float8);");
        sql.AppendLine("COPY c FROM STDIN;");
        var writer = new WKBWriter();
        foreach (var d in divisions)
        {
            // Hex WKB keeps every coordinate bit for bit.
            sql.Append(d.Code).Append('\t').AppendLine(Convert.ToHexString(writer.Write(d.Geometry)));
        }
        sql.AppendLine("\\.");
        sql.AppendLine("COPY p FROM STDIN;");
        for (var i = 0; i < points.Count; i++)
        {
            sql.AppendLine(CultureInfo.InvariantCulture, $"{i}\t{points[i].X:R}\t{points[i].Y:R}");
        }
        sql.AppendLine("\\.");
        sql.AppendLine("CREATE INDEX ON c USING gist(g); ANALYZE c;");
        sql.AppendLine("SELECT p.i, string_agg(c.code, ',' ORDER BY c.code COLLATE \"C\") FROM p JOIN c ON ST_Covers(c.g, ST_MakePoint(p.x, p.y)) GROUP BY p.i;");
        // psql also prints command tags (CREATE TABLE, COPY n …): keep only the two-field result rows.
        return PostgisOracle.Query(sql.ToString())
            .Where(r => r.Length == 2 && int.TryParse(r[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .ToDictionary(r => int.Parse(r[0], CultureInfo.InvariantCulture), r => r[1]);
    }
}
