using System.Globalization;
using System.Text;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Tests.Measure;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Xunit;
using Xunit.Abstractions;

namespace Boundaries.Geo.Tests.Enclaves;

/// <summary>
/// The facts behind a sample of US county findings recomputed by PostGIS on the same input geometries: the owner's
/// number of parts (ST_NumGeometries), and the set of counties whose boundary shares a length &gt; 0 with the piece
/// (ST_Length(ST_Intersection(ST_Boundary(piece), ST_Boundary(county))) &gt; 0) equals the finding's hosts.
/// </summary>
public sealed class UsCountiesEnclavePostgisTests(ITestOutputHelper log)
{
    [Fact]
    public void SampleOfFindings_PartsAndHostsAgreeWithPostgis()
    {
        var set = UsCountiesEnclaveGoldenTests.Counties.Value;
        var findings = UsCountiesEnclaveGoldenTests.Findings.Value;
        var sample = findings.Where((f, i) => f.Class != EnclaveClass.Exclave || i % 8 == 0 || f.Owner is "21075" or "53073").ToList();
        Assert.True(sample.Count >= 40, $"sample of {sample.Count}");
        var byCode = set.Divisions.ToDictionary(d => d.Code);
        var writer = new WKBWriter { HandleSRID = false };
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in sample)
        {
            var piece = byCode[f.Owner].Geometry.GetGeometryN(Math.Max(0, f.Evidence.PartIndex));
            var box = piece.EnvelopeInternal.Copy();
            box.ExpandBy(0.01);
            wanted.Add(f.Owner);
            wanted.UnionWith(set.Divisions.Where(d => d.Geometry.EnvelopeInternal.Intersects(box)).Select(d => d.Code));
        }
        var sql = new StringBuilder("CREATE TEMP TABLE c (code text PRIMARY KEY, g geometry);\nINSERT INTO c VALUES\n");
        sql.AppendJoin(",\n", wanted.Order(StringComparer.Ordinal).Select(code =>
            $"('{code}', ST_GeomFromWKB('\\x{Convert.ToHexString(writer.Write(byCode[code].Geometry))}'::bytea, 4326))"));
        sql.Append(";\nCREATE TEMP TABLE s (n int, owner text, part int);\nINSERT INTO s VALUES\n");
        sql.AppendJoin(",\n", sample.Select((f, n) => string.Create(CultureInfo.InvariantCulture, $"({n}, '{f.Owner}', {Math.Max(0, f.Evidence.PartIndex) + 1})")));
        sql.Append(";\n");
        sql.Append("""
            WITH p AS (
              SELECT s.n, s.owner, ST_NumGeometries(c.g) AS parts, d.geom AS piece
              FROM s JOIN c ON c.code = s.owner CROSS JOIN LATERAL ST_Dump(c.g) d WHERE d.path[1] = s.part OR (d.path = '{}' AND s.part = 1))
            SELECT p.n, p.parts,
              coalesce((SELECT string_agg(o.code, ',' ORDER BY o.code) FROM c o
                 WHERE o.code <> p.owner AND o.g && ST_Expand(p.piece, 0.001)
                   AND ST_Length(ST_Intersection(ST_Boundary(p.piece), ST_Boundary(o.g))) > 0), '')
            FROM p ORDER BY p.n;
            """);
        var rows = PostgisOracle.Query(sql.ToString());
        Assert.Equal(sample.Count, rows.Length);
        foreach (var row in rows)
        {
            var f = sample[int.Parse(row[0], CultureInfo.InvariantCulture)];
            log.WriteLine($"{f.Owner} {f.Class.Name()} parts {row[1]} hosts [{row[2]}] vs [{string.Join(",", f.Hosts.Order(StringComparer.Ordinal))}]");
            Assert.Equal(f.Evidence.PartCount, int.Parse(row[1], CultureInfo.InvariantCulture));
            Assert.Equal(string.Join(",", f.Hosts.Order(StringComparer.Ordinal)), row[2]);
        }
    }
}
