using System.Globalization;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Tests.Enclaves;

/// <summary>
/// Three markers (界桩) set by hand around one plain enclave of a city GeoPackage, written into its <c>markers</c> layer
/// by GDAL: <c>JZ-ON</c> on the enclave's ring (transferring the piece to its host erases that ring: it must move),
/// <c>JZ-INSIDE</c> inside the piece 5 m or more from every line, <c>JZ-FAR</c> on a boundary far away.
/// </summary>
internal static class HandSetMarkers
{
    /// <summary>Adds the layer to <paramref name="path"/>; returns the index of the enclave (township findings of the file).</summary>
    public static int Write(string path)
    {
        var set = DivisionImporter.Import(path).In(CrsCode.Cgcs2000);
        var findings = EnclaveFinder.Find(set, EnclaveOptions.Default with { Level = DivisionLevel.Township });
        // a plain enclave: one host, and no other finding shares its owner or host (its options touch nothing else)
        var target = findings.Select((f, i) => (f, i)).First(p => p.f.Class == EnclaveClass.Enclave && p.f.Order == 1 && p.f.Hosts.Length == 1
            && !findings.Where((_, j) => j != p.i).Any(q => q.Owner == p.f.Owner || q.Hosts.Contains(p.f.Owner) || q.Owner == p.f.Hosts[0] || q.Hosts.Contains(p.f.Hosts[0])));
        var piece = target.f.Geometry;
        var ring = ((Polygon)(piece is MultiPolygon mp ? mp.GetGeometryN(0) : piece)).ExteriorRing;
        var on = ring.GetCoordinateN(0);
        var inside = piece.InteriorPoint;
        // 5 m ≈ 4.5e-5° of latitude: the inside marker is well beyond the 1 m tolerance of every line
        var lines = set.Divisions.Where(d => d.Level == DivisionLevel.Township).Select(d => d.Geometry.Boundary).ToList();
        Assert.True(lines.Min(l => l.Distance(inside)) > 4.5e-5, "the inside marker is away from every line");
        var far = set.Divisions.Where(d => d.Level == DivisionLevel.Township && d.Code != target.f.Owner && d.Code != target.f.Hosts[0])
            .Select(d => d.Geometry.Coordinates[0]).First(c => piece.Distance(new Point(c)) > 0.02);
        string Feature(string number, Coordinate c) => string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\":\"Feature\",\"properties\":{{\"number\":\"{number}\"}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{c.X:R},{c.Y:R}]}}}}");
        var geojson = Path.Combine(Path.GetDirectoryName(path)!, "markers.geojson");
        File.WriteAllText(geojson, "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",",
            Feature("JZ-ON", on), Feature("JZ-INSIDE", inside.Coordinate), Feature("JZ-FAR", far)) + "]}");
        var (exit, _, stderr) = TestSupport.Tool("ogr2ogr", "-update", "-f", "GPKG", "-nln", "markers", "-a_srs", "EPSG:4490", path, geojson);
        Assert.True(exit == 0, stderr);
        return target.i;
    }
}
