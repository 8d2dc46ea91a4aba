using NetTopologySuite.Geometries;
using SkiaSharp;

namespace Boundaries.Viewer.Rendering;

/// <summary>Lon/lat to pixels through spherical Web Mercator, fitted to a box with the aspect kept (the box is widened).</summary>
internal sealed class MercatorView
{
    private readonly double _minX;
    private readonly double _maxY;
    private readonly double _pixelsPerUnit;

    private MercatorView(double minX, double maxY, double pixelsPerUnit)
    {
        _minX = minX;
        _maxY = maxY;
        _pixelsPerUnit = pixelsPerUnit;
    }

    public static MercatorView Fit(Envelope lonLat, int width, int height)
    {
        var (x0, y0) = Project(lonLat.MinX, lonLat.MinY);
        var (x1, y1) = Project(lonLat.MaxX, lonLat.MaxY);
        var scale = Math.Min(width / Math.Max(x1 - x0, 1e-9), height / Math.Max(y1 - y0, 1e-9));
        var cx = (x0 + x1) / 2;
        var cy = (y0 + y1) / 2;
        return new MercatorView(cx - (width / 2.0 / scale), cy + (height / 2.0 / scale), scale);
    }

    public (double X, double Y) Pixel(double lon, double lat)
    {
        var (x, y) = Project(lon, lat);
        return ((x - _minX) * _pixelsPerUnit, (_maxY - y) * _pixelsPerUnit);
    }

    public SKPath PathOf(Geometry geometry)
    {
        using var builder = new SKPathBuilder { FillType = SKPathFillType.EvenOdd };
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon polygon)
            {
                continue;
            }
            foreach (var ring in new[] { polygon.Shell }.Concat(polygon.Holes))
            {
                var coordinates = ring.Coordinates;
                for (var k = 0; k < coordinates.Length; k++)
                {
                    var (x, y) = Pixel(coordinates[k].X, coordinates[k].Y);
                    if (k == 0)
                    {
                        builder.MoveTo((float)x, (float)y);
                    }
                    else
                    {
                        builder.LineTo((float)x, (float)y);
                    }
                }
                builder.Close();
            }
        }
        return builder.Detach();
    }

    private static (double X, double Y) Project(double lon, double lat)
    {
        const double R = 6378137;
        var x = R * lon * Math.PI / 180;
        var y = R * Math.Log(Math.Tan((Math.PI / 4) + (lat * Math.PI / 360)));
        return (x, y);
    }
}
