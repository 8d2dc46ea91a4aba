using System.Globalization;
using Boundaries.Geo.Crs;

namespace Boundaries.Viewer.Api;

/// <summary>The parameters of one <c>GET /api/v1/locate</c>, already checked.</summary>
internal readonly record struct LocateQuery(double X, double Y, CrsCode Crs, DateOnly? At, double? Sigma, bool Distance)
{
    /// <summary>
    /// Reads the raw query string (<c>?lon=…&amp;lat=…</c>) without allocating, for the fast path. Returns false for
    /// anything that is not plainly valid — a bad or missing value, a percent-encoded or '+' character, a parameter
    /// given twice — so that the endpoint answers it (with its problem details) exactly as before.
    /// </summary>
    public static bool TryParseRaw(ReadOnlySpan<char> query, out LocateQuery result)
    {
        result = default;
        if (query.StartsWith('?'))
        {
            query = query[1..];
        }
        if (query.ContainsAny('%', '+'))
        {
            return false;
        }
        ReadOnlySpan<char> lon = default, lat = default, crs = default, at = default, sigma = default, distance = default;
        var seen = 0;
        while (!query.IsEmpty)
        {
            var amp = query.IndexOf('&');
            var pair = amp < 0 ? query : query[..amp];
            query = amp < 0 ? default : query[(amp + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }
            var eq = pair.IndexOf('=');
            var name = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? default : pair[(eq + 1)..];
            var bit = name.Equals("lon", StringComparison.OrdinalIgnoreCase) ? 1
                : name.Equals("lat", StringComparison.OrdinalIgnoreCase) ? 2
                : name.Equals("crs", StringComparison.OrdinalIgnoreCase) ? 4
                : name.Equals("at", StringComparison.OrdinalIgnoreCase) ? 8
                : name.Equals("sigma", StringComparison.OrdinalIgnoreCase) ? 16
                : name.Equals("distance", StringComparison.OrdinalIgnoreCase) ? 32
                : 0;
            if ((seen & bit) != 0)
            {
                return false; // given twice: the endpoint joins the values with ',' and answers the problem
            }
            seen |= bit;
            switch (bit)
            {
                case 1: lon = value; break;
                case 2: lat = value; break;
                case 4: crs = value; break;
                case 8: at = value; break;
                case 16: sigma = value; break;
                case 32: distance = value; break;
            }
        }
        var code = CrsCode.Cgcs2000;
        if (!crs.IsEmpty)
        {
            if (!CrsCode.TryParse(crs.ToString(), out var parsed))
            {
                return false;
            }
            code = parsed.Value;
        }
        DateOnly? day = null;
        if (!at.IsEmpty)
        {
            if (!DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return false;
            }
            day = d;
        }
        double? s = null;
        if (!sigma.IsEmpty)
        {
            if (!double.TryParse(sigma, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < 0)
            {
                return false;
            }
            s = v;
        }
        if (!TryCoordinate(lon, code, 180, out var x) || !TryCoordinate(lat, code, 90, out var y))
        {
            return false;
        }
        var flag = distance.SequenceEqual("true") || distance.SequenceEqual("1") || distance.SequenceEqual("yes");
        result = new LocateQuery(x, y, code, day, s, flag);
        return true;
    }

    private static bool TryCoordinate(ReadOnlySpan<char> text, CrsCode crs, int limit, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)
        && !(crs.IsLonLat && Math.Abs(value) > limit);
}
