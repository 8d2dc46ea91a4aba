using System.Globalization;
using Boundaries.Geo.Model;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Boundaries.Geo.Tests.Vectorize;

/// <summary>
/// The small city's townships rasterized by point-in-polygon at pixel centres: value i + 1 for township i (in code
/// order), 0 outside; the grid is north-up, its origin and pixel size whole metres in EPSG:4548.
/// </summary>
internal sealed class CityRaster
{
    public const double Pixel = 100;

    private static readonly Lazy<CityRaster> Instance = new(() => new CityRaster());

    private CityRaster()
    {
        Townships = [.. VectorizeFixtures.Townships.OrderBy(t => t.Code, StringComparer.Ordinal)];
        var env = new Envelope();
        foreach (var t in Townships)
        {
            env.ExpandToInclude(t.Geometry.EnvelopeInternal);
        }
        OriginX = Math.Floor(env.MinX / Pixel) * Pixel - 2 * Pixel;
        OriginY = Math.Ceiling(env.MaxY / Pixel) * Pixel + 2 * Pixel;
        Width = (int)Math.Ceiling((env.MaxX - OriginX) / Pixel) + 2;
        Height = (int)Math.Ceiling((OriginY - env.MinY) / Pixel) + 2;
        var tree = new STRtree<int>();
        var locators = new IndexedPointInAreaLocator[Townships.Count];
        for (var i = 0; i < Townships.Count; i++)
        {
            tree.Insert(Townships[i].Geometry.EnvelopeInternal, i);
            locators[i] = new IndexedPointInAreaLocator(Townships[i].Geometry);
        }
        Values = new long[Width * Height];
        for (var row = 0; row < Height; row++)
        {
            for (var col = 0; col < Width; col++)
            {
                var c = new Coordinate(OriginX + (col + 0.5) * Pixel, OriginY - (row + 0.5) * Pixel);
                foreach (var i in tree.Query(new Envelope(c)))
                {
                    if (locators[i].Locate(c) == Location.Interior)
                    {
                        Values[row * Width + col] = i + 1;
                        break;
                    }
                }
            }
        }
    }

    public static CityRaster Small => Instance.Value;

    public List<Division> Townships { get; }

    public double OriginX { get; }

    public double OriginY { get; }

    public int Width { get; }

    public int Height { get; }

    public long[] Values { get; }

    public void WriteTiff(string path) => TiffTestWriter.Write(path, Width, Height, Values, OriginX, OriginY, Pixel, 4548, 0);

    public void WritePng(string path)
    {
        File.WriteAllBytes(path, PngTestEncoder.Encode(Width, Height, Values, Townships.Count < 255 ? 8 : 16, palette: false));
        // world file: A, D, B, E, C, F with C, F the centre of the top-left pixel
        File.WriteAllLines(Path.ChangeExtension(path, ".pgw"),
            [.. new[] { Pixel, 0, 0, -Pixel, OriginX + Pixel / 2, OriginY - Pixel / 2 }.Select(v => v.ToString("R", CultureInfo.InvariantCulture))]);
    }

    /// <summary>The code table: value, code, name, parent.</summary>
    public void WriteTable(string path, Func<Division, bool>? include = null)
    {
        var lines = new List<string> { "value,code,name,parent" };
        for (var i = 0; i < Townships.Count; i++)
        {
            var t = Townships[i];
            if (include is null || include(t))
            {
                lines.Add($"{i + 1},{t.Code},{t.Name},{t.ParentCode}");
            }
        }
        File.WriteAllLines(path, lines);
    }
}
