using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace Boundaries.Geo.Formats;

/// <summary>
/// Reads an ESRI shapefile (.shp with its .shx and .dbf; .prj and .cpg when present). The .prj is matched to a
/// supported system by its parameters (<see cref="PrjCrsMatcher"/>); without one the system is not stated. The
/// text encoding is chosen by <see cref="ShapefileEncoding"/> and reported in the notes. A one-part polygon record
/// reads as a Polygon, a record of several parts as a MultiPolygon.
/// </summary>
internal static class ShapefileDivisionReader
{
    public static DivisionReadResult Read(string path, DivisionReadOptions options)
    {
        var shx = Companion(path, ".shx") ?? throw new BoundariesFormatException($"the index file {Path.ChangeExtension(Path.GetFileName(path), ".shx")} is missing; a shapefile needs its .shp, .shx and .dbf", path);
        var dbf = Companion(path, ".dbf") ?? throw new BoundariesFormatException($"the attribute file {Path.ChangeExtension(Path.GetFileName(path), ".dbf")} is missing; a shapefile needs its .shp, .shx and .dbf", path);
        _ = shx;
        var prj = Companion(path, ".prj");
        var cpg = Companion(path, ".cpg");

        CrsCode? crs = options.Crs;
        if (crs is null && prj is not null)
        {
            var wkt = File.ReadAllText(prj);
            crs = PrjCrsMatcher.Match(wkt)
                ?? throw new BoundariesFormatException($"unknown coordinate system in {Path.GetFileName(prj)}; pass --from with its EPSG code (supported: EPSG:4490, 4326, 3857, 4513–4554)", prj);
        }
        var (encoding, note) = ShapefileEncoding.Choose(dbf, cpg, options.Encoding);

        var map = new DivisionFieldMap(options, path);
        var divisions = ImmutableArray.CreateBuilder<Division>();
        try
        {
            using var shpStream = File.OpenRead(path);
            using var dbfStream = File.OpenRead(dbf);
            using var reader = Shapefile.OpenRead(shpStream, dbfStream, new ShapefileReaderOptions { Encoding = encoding });
            long index = 0;
            var properties = new List<KeyValuePair<string, object?>>();
            while (reader.Read(out var deleted, out var feature))
            {
                if (deleted)
                {
                    index++;
                    continue;
                }
                properties.Clear();
                foreach (var name in feature.Attributes.GetNames())
                {
                    properties.Add(new(name, Normalise(feature.Attributes[name])));
                }
                // a shapefile polygon record is always multi-part: a single part reads as the Polygon it is
                var geometry = feature.Geometry switch
                {
                    null or { IsEmpty: true } => null,
                    MultiPolygon { NumGeometries: 1 } one => one.GetGeometryN(0),
                    var g => g,
                };
                divisions.Add(map.Map(index, properties, geometry));
                index++;
            }
        }
        catch (Exception e) when (e is ShapefileException or EndOfStreamException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            throw new BoundariesFormatException($"unreadable shapefile: {e.Message}", path, inner: e);
        }
        return new DivisionReadResult(new DivisionSet(divisions.ToImmutable(), crs ?? CrsCode.Cgcs2000), crs is not null, "shp", [note]);
    }

    /// <summary>The companion file with the same base name, the extension matched in any case; <c>null</c> when absent.</summary>
    private static string? Companion(string shp, string extension)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(shp))!;
        var stem = Path.GetFileNameWithoutExtension(shp);
        var exact = Path.Combine(dir, stem + extension);
        if (File.Exists(exact))
        {
            return exact;
        }
        return Directory.EnumerateFiles(dir, stem + ".*")
            .FirstOrDefault(f => string.Equals(Path.GetExtension(f), extension, StringComparison.OrdinalIgnoreCase)
                && string.Equals(Path.GetFileNameWithoutExtension(f), stem, StringComparison.Ordinal));
    }

    /// <summary>dBASE values as string, long, double, bool, DateOnly or null.</summary>
    private static object? Normalise(object? value) => value switch
    {
        null or DBNull => null,
        string s => s.TrimEnd(),
        int i => (long)i,
        long l => l,
        decimal m => m == decimal.Truncate(m) && Math.Abs(m) < long.MaxValue ? (long)m : (double)m,
        double d => d,
        float f => (double)f,
        DateTime dt => DateOnly.FromDateTime(dt),
        bool b => b,
        _ => value.ToString(),
    };
}
