namespace Boundaries.Geo.Validation;

/// <summary>Single points to and from the 1 mm grid (integer millimetres of the metric plane), as <see cref="ToMetric"/> and <see cref="ToLonLat"/> place them.</summary>
internal sealed partial class MetricFrame
{
    /// <summary>The grid point a vertex of the source data snaps to: projected when the source is lon/lat, then rounded to 1 mm.</summary>
    public void SourceToGrid(double x, double y, out long gridX, out long gridY)
    {
        if (!_sourceIsMetric)
        {
            _tm.Forward(x, y, out x, out y);
        }
        gridX = (long)Math.Round(x * GridScale);
        gridY = (long)Math.Round(y * GridScale);
    }

    /// <summary>The longitude/latitude of a grid point.</summary>
    public void GridToLonLat(long gridX, long gridY, out double lon, out double lat)
    {
        _tm.Inverse(gridX / GridScale, gridY / GridScale, out lon, out lat);
        lon = WrapNear(lon, 0);
    }
}
