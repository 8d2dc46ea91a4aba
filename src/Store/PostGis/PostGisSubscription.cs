using System.Globalization;
using Npgsql;

namespace Boundaries.Store.PostGis;

/// <summary>
/// Holds one connection that LISTENs on <c>boundaries_changed</c> and calls back for each notification. When the connection
/// breaks (a server restart) it reconnects, listens again and reports a <see cref="StoreChange"/> with no id, since
/// notifications sent meanwhile are lost.
/// </summary>
internal sealed class PostGisSubscription : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private PostGisSubscription(string connectionString, Action<StoreChange> onChange, NpgsqlConnection first)
    {
        _loop = Task.Run(() => RunAsync(connectionString, onChange, first, _stop.Token));
    }

    public static async Task<PostGisSubscription> StartAsync(string connectionString, Action<StoreChange> onChange, CancellationToken cancellationToken)
    {
        var first = await ListenAsync(connectionString, cancellationToken);
        return new PostGisSubscription(connectionString, onChange, first);
    }

    private static async Task<NpgsqlConnection> ListenAsync(string connectionString, CancellationToken cancellationToken)
    {
        // its own unpooled connection: a LISTEN belongs to one session
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 5 }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var listen = new NpgsqlCommand($"LISTEN {PostGisBoundaryStore.Channel}", connection);
        await listen.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private static async Task RunAsync(string connectionString, Action<StoreChange> onChange, NpgsqlConnection connection, CancellationToken stop)
    {
        void Handler(object? sender, NpgsqlNotificationEventArgs e) =>
            onChange(new StoreChange(long.TryParse(e.Payload, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null));
        while (!stop.IsCancellationRequested)
        {
            connection.Notification += Handler;
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await connection.WaitAsync(stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (PostGisBoundaryStore.IsConnectionFailure(e))
            {
                // fall through: reconnect below
            }
            finally
            {
                connection.Notification -= Handler;
                await connection.DisposeAsync();
            }
            connection = await ReconnectAsync(connectionString, stop);
            if (stop.IsCancellationRequested)
            {
                break;
            }
            onChange(new StoreChange(null));
        }
        await connection.DisposeAsync();
    }

    private static async Task<NpgsqlConnection> ReconnectAsync(string connectionString, CancellationToken stop)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                return await ListenAsync(connectionString, stop);
            }
            catch (Exception e) when (PostGisBoundaryStore.IsConnectionFailure(e) && !stop.IsCancellationRequested)
            {
                await Task.Delay(delay, stop).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
            catch (OperationCanceledException)
            {
                return new NpgsqlConnection();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
