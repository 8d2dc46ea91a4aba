using System.Globalization;
using System.Text;
using Boundaries.Geo.Locate;

namespace Boundaries.Viewer.Api;

/// <summary>
/// Runs the CSV batch path (<see cref="PointCsvLocator"/>) over generated points after the server starts, so the tiered
/// JIT has compiled its loops before the first real batch arrives. Measured on the full-size city (1 M points through
/// curl, 2 cores): the first batch of a fresh server took 1.4–2.9 s and the fifth 0.33–0.5 s; warmed, the first takes
/// what the fifth did (0.37–0.47 s; with fewer generated points, 80,000, it did not help). The answers are thrown away.
/// </summary>
internal static class BatchWarmup
{
    public const int Rounds = 8;
    public const int PointsPerRound = 100_000;

    /// <summary>Locates <see cref="PointsPerRound"/> points inside the coverage's extent <see cref="Rounds"/> times.</summary>
    /// <returns>The number of points answered (<see cref="Rounds"/> × <see cref="PointsPerRound"/>; 0 without divisions).</returns>
    public static async Task<long> RunAsync(DivisionLocator locator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(locator);
        if (locator.Divisions.IsEmpty)
        {
            return 0;
        }
        var csv = Points(locator);
        var options = new PointCsvOptions { SourceName = "batch warm-up" };
        long answered = 0;
        for (var round = 0; round < Rounds; round++)
        {
            using var input = new MemoryStream(csv, writable: false);
            answered += await PointCsvLocator.LocateAsync(locator, input, Stream.Null, options, cancellationToken).ConfigureAwait(false);
        }
        return answered;
    }

    private static byte[] Points(DivisionLocator locator)
    {
        var extent = new NetTopologySuite.Geometries.Envelope();
        foreach (var division in locator.Divisions)
        {
            extent.ExpandToInclude(division.Geometry.EnvelopeInternal);
        }
        var random = new Random(1);
        var text = new StringBuilder("id,x,y\n", PointsPerRound * 32);
        for (var i = 0; i < PointsPerRound; i++)
        {
            var x = extent.MinX + random.NextDouble() * extent.Width;
            var y = extent.MinY + random.NextDouble() * extent.Height;
            text.Append(CultureInfo.InvariantCulture, $"{i},{x:F7},{y:F7}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
