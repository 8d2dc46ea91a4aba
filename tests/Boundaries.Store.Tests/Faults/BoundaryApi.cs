using System.Net.Http.Json;
using System.Text.Json;

namespace Boundaries.Store.Tests.Faults;

/// <summary>The HTTP calls the fault tests make on a served <see cref="Support.Sample.City"/>.</summary>
internal static class BoundaryApi
{
    /// <summary>The township answering (lon, lat).</summary>
    public static async Task<string?> TownshipAsync(HttpClient http, double lon, double lat)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync(FormattableString.Invariant($"/api/v1/locate?lon={lon}&lat={lat}")));
        var level = json.RootElement.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "township");
        return level.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    public static async Task<int> VersionAsync(HttpClient http)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync("/api/v1/version"));
        return json.RootElement.GetProperty("version").GetInt32();
    }

    /// <summary>The township line between 120101001 and 120101002 (x = 117.1, 39.0–39.1 N): its id and version.</summary>
    public static async Task<(int Id, string Version, double[][] Coordinates)> Line001002Async(HttpClient http)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync("/api/v1/lines?level=township"));
        var line = json.RootElement.GetProperty("features").EnumerateArray().Single(f =>
        {
            var p = f.GetProperty("properties");
            var sides = new[] { p.TryGetProperty("left", out var l) ? l.GetString() : null, p.TryGetProperty("right", out var r) ? r.GetString() : null };
            return sides.Contains("120101001") && sides.Contains("120101002");
        });
        double[][] coordinates = [.. line.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => new[] { c[0].GetDouble(), c[1].GetDouble() })];
        return (line.GetProperty("id").GetInt32(), line.GetProperty("properties").GetProperty("version").GetString()!, coordinates);
    }

    /// <summary>
    /// Bends that line east through (117.11, 39.05): the triangle it cuts from 002 goes to 001, so (117.105, 39.05)
    /// answers 001 afterwards.
    /// </summary>
    public static Task<HttpResponseMessage> BendLineAsync(HttpClient http, (int Id, string Version, double[][] Coordinates) line) =>
        http.PostAsJsonAsync($"/api/v1/lines/{line.Id}/edit", new
        {
            level = "township",
            base_version = line.Version,
            coordinates = new[] { line.Coordinates[0], [117.11, 39.05], line.Coordinates[^1] },
            author = "张工",
            reason = "界桩复测 2026-7",
        });
}
