namespace Boundaries.Survey.Registers;

/// <summary>
/// The 16-point compass from true north, clockwise, each point covering 22.5° centred on its direction (北 covers
/// 348.75°–11.25°): 北 N, 北东北 NNE, 东北 NE, 东东北 ENE, 东 E, 东东南 ESE, 东南 SE, 南东南 SSE, 南 S, 南西南 SSW,
/// 西南 SW, 西西南 WSW, 西 W, 西西北 WNW, 西北 NW, 北西北 NNW. A bearing exactly on a sector edge goes to the next point clockwise.
/// </summary>
public static class CompassPoint
{
    private static readonly string[] Chinese = ["北", "北东北", "东北", "东东北", "东", "东东南", "东南", "南东南", "南", "南西南", "西南", "西西南", "西", "西西北", "西北", "北西北"];
    private static readonly string[] English = ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"];

    /// <summary>The point's index 0–15 (0 = north) for a bearing in degrees (any value; taken modulo 360).</summary>
    public static int Index(double bearingDegrees)
    {
        if (!double.IsFinite(bearingDegrees))
        {
            throw new ArgumentOutOfRangeException(nameof(bearingDegrees), bearingDegrees, "bearing must be finite");
        }
        var b = ((bearingDegrees % 360) + 360) % 360;
        return (int)Math.Floor((b + 11.25) / 22.5) % 16;
    }

    /// <summary>The Chinese name (北, 北东北 …) of a bearing.</summary>
    public static string ChineseName(double bearingDegrees) => Chinese[Index(bearingDegrees)];

    /// <summary>The English abbreviation (N, NNE …) of a bearing.</summary>
    public static string EnglishName(double bearingDegrees) => English[Index(bearingDegrees)];

    /// <summary>
    /// The azimuth in degrees (0–360, clockwise from true north) from one CGCS2000 lon/lat point to another, on the
    /// ellipsoid's local plane at the mid-latitude (meridian radius M, prime-vertical radius N): exact to well under
    /// an arc-minute for the kilometre spans between markers. NaN for two equal points.
    /// </summary>
    public static double AzimuthDegrees(double lon1, double lat1, double lon2, double lat2)
    {
        const double a = 6378137.0;
        const double f = 1 / 298.257222101;
        var e2 = f * (2 - f);
        var phi = (lat1 + lat2) / 2 * Math.PI / 180;
        var w = Math.Sqrt(1 - e2 * Math.Sin(phi) * Math.Sin(phi));
        var m = a * (1 - e2) / (w * w * w);
        var n = a / w;
        var dNorth = (lat2 - lat1) * Math.PI / 180 * m;
        var dEast = (lon2 - lon1) * Math.PI / 180 * n * Math.Cos(phi);
        if (dNorth == 0 && dEast == 0)
        {
            return double.NaN;
        }
        var az = Math.Atan2(dEast, dNorth) * 180 / Math.PI;
        return az < 0 ? az + 360 : az;
    }
}
