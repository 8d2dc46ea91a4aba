using System.Globalization;
using Boundaries.Geo.Tests.Crs;

namespace Boundaries.Geo.Tests.Measure;

/// <summary>Starts the project's throwaway PostGIS (scripts/postgis.sh, idempotent) and runs queries with psql.</summary>
internal static class PostgisOracle
{
    private static readonly Lazy<string[]> ConnectionArgs = new(Start);

    /// <summary>Runs one SQL script; returns the unaligned, tuples-only rows, fields split on '|'.</summary>
    public static string[][] Query(string sql)
    {
        var output = ExternalTool.Run("psql", [.. ConnectionArgs.Value, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-f", "-"], sql);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|'))
            .ToArray();
    }

    /// <summary>Parses a PostgreSQL float (shortest round-trip text since PostgreSQL 12).</summary>
    public static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string[] Start()
    {
        var output = ExternalTool.Run("bash", ["scripts/postgis.sh", "start"], timeoutMs: 600_000);
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new InvalidOperationException("scripts/postgis.sh start printed no connection string");
        var parts = last.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return ["-h", parts["Host"], "-p", parts["Port"], "-U", parts["Username"], "-d", parts["Database"]];
    }
}
