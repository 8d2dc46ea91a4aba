using System.Globalization;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Locate;
using Boundaries.Viewer.Api;

namespace Boundaries.Viewer.Tests.Api;

/// <summary>
/// The lean single-lookup answer (fast path and endpoint) is byte for byte the JSON that the <see cref="LocateAnswer"/>
/// record serialized with <see cref="ViewerJson.Options"/> gave before, for points inside, outside and on boundaries,
/// with σ, distance, another coordinate system and a date.
/// </summary>
public sealed class LocateAnswerBytesTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task FastPathAndEndpointAnswerTheRecordsBytes()
    {
        var points = TestSupport.Points(server.Divisions, seed: 23, random: 40, onLines: 40);
        var toGcj = CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.Gcj02);
        var (onBoundary, outside, checkedCount) = (0, 0, 0);
        for (var i = 0; i < points.Count; i++)
        {
            var (lon, lat) = points[i];
            var variants = new List<(string Extra, LocateQueryOptions Options, double X, double Y)>
            {
                ("", new LocateQueryOptions(), lon, lat),
                ("&sigma=25", new LocateQueryOptions { SigmaMeters = 25 }, lon, lat),
                ("&distance=true&at=2000-01-01", new LocateQueryOptions { IncludeDistance = true, At = new DateOnly(2000, 1, 1) }, lon, lat),
            };
            if (i % 4 == 0)
            {
                var (gx, gy) = toGcj.Transform(lon, lat);
                variants.Add(("&crs=gcj02", new LocateQueryOptions { Crs = CrsCode.Gcj02 }, gx, gy));
            }
            foreach (var (extra, options, x0, y0) in variants)
            {
                var (xText, yText) = (x0.ToString("R", CultureInfo.InvariantCulture), y0.ToString("R", CultureInfo.InvariantCulture));
                var (x, y) = (double.Parse(xText, CultureInfo.InvariantCulture), double.Parse(yText, CultureInfo.InvariantCulture));
                var result = server.Locator.Locate(x, y, options);
                var expected = JsonSerializer.SerializeToUtf8Bytes(LocateAnswer.From(result, x, y, options.Crs), ViewerJson.Options);
                var fast = await GetBytes($"/api/v1/locate?lon={xText}&lat={yText}{extra}");
                // '%2E' for the dot: not a plain query, so the endpoint (not the fast path) answers.
                var slow = await GetBytes($"/api/v1/locate?lon={xText.Replace(".", "%2E", StringComparison.Ordinal)}&lat={yText}{extra}");
                Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(fast));
                Assert.Equal(expected, slow);
                onBoundary += result.OnBoundary ? 1 : 0;
                outside += result.Levels.All(l => l.Division is null) ? 1 : 0;
                checkedCount++;
            }
        }
        // The points must reach every case the shape has: on a boundary (candidates), outside (no code), inside.
        Assert.True(onBoundary >= 20, $"only {onBoundary} answers on a boundary");
        Assert.True(outside >= 1, "no point outside the city");
        Assert.True(checkedCount >= 250, $"only {checkedCount} answers compared");
    }

    [Theory]
    [InlineData("/api/v1/locate?lon=117.2&lat=39.1&lon=117.3")]
    [InlineData("/api/v1/locate?LON=117.2&lat=39.1&Lon=117.3")]
    [InlineData("/api/v1/locate?lon=117.2&lat=")]
    [InlineData("/api/v1/locate?lon=117.2&lat=39.1&sigma=NaN")]
    [InlineData("/api/v1/locate?lon=181&lat=39.1")]
    public async Task WhatTheFastPathLeavesStillGetsTheProblemAnswer(string url)
    {
        using var response = await server.Client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ParameterNamesAreCaseInsensitiveAsInTheEndpoint()
    {
        var plain = await GetBytes("/api/v1/locate?lon=117.2&lat=39.1&distance=1");
        var upper = await GetBytes("/api/v1/locate?LON=117.2&Lat=39.1&DISTANCE=1");
        Assert.Equal(plain, upper);
        Assert.Contains("distance_m", System.Text.Encoding.UTF8.GetString(plain), StringComparison.Ordinal);
    }

    private async Task<byte[]> GetBytes(string url)
    {
        using var response = await server.Client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return body;
    }
}
