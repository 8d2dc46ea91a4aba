using Boundaries.Viewer.Api;

namespace Boundaries.Viewer.Tests.Api;

/// <summary>The batch warm-up of <c>boundaries serve</c> really runs the CSV path over every point it generates.</summary>
public sealed class BatchWarmupTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task EveryGeneratedPointIsAnswered()
    {
        // PointCsvLocator refuses a malformed line, so a count short of the total would mean lines were lost.
        var answered = await BatchWarmup.RunAsync(server.Locator);
        Assert.Equal((long)BatchWarmup.Rounds * BatchWarmup.PointsPerRound, answered);
    }
}
