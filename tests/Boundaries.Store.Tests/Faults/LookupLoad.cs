using System.Collections.Concurrent;

namespace Boundaries.Store.Tests.Faults;

/// <summary>
/// Point lookups (GET /api/v1/locate at random points of the sample city) sent without pause by several connections
/// until disposed; counts answers and keeps every failure (a status other than 200, or a socket error) with its text.
/// </summary>
internal sealed class LookupLoad : IAsyncDisposable // the token source lives as long as the load; disposed with the test process
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;
    private long _answered;

    public LookupLoad(string url, int connections = 4)
    {
        _http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        _workers = [.. Enumerable.Range(0, connections).Select(i => Task.Run(() => RunAsync(i)))];
    }

    public long Answered => Interlocked.Read(ref _answered);

    public ConcurrentQueue<string> Failures { get; } = new();

    private async Task RunAsync(int seed)
    {
        var random = new Random(seed);
        while (!_stop.IsCancellationRequested)
        {
            var lon = 117.0 + (random.NextDouble() * 0.2);
            var lat = 39.0 + (random.NextDouble() * 0.2);
            try
            {
                using var response = await _http.GetAsync(FormattableString.Invariant($"/api/v1/locate?lon={lon:F6}&lat={lat:F6}"), _stop.Token);
                if (response.StatusCode == System.Net.HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref _answered);
                }
                else
                {
                    Failures.Enqueue($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException e)
            {
                Failures.Enqueue("socket: " + e.Message);
            }
        }
    }

    /// <summary>Waits until at least <paramref name="more"/> further lookups have been answered (or 60 s passed).</summary>
    public async Task AnsweredAtLeastAsync(long more)
    {
        var target = Answered + more;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Answered < target && DateTime.UtcNow < deadline && Failures.IsEmpty)
        {
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        _http.Dispose();
    }
}
