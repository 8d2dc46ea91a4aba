using Boundaries.Viewer.Api;
using Boundaries.Viewer.Features;
using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Boundaries.Viewer.Hosting;

/// <summary>
/// Starts the HTTP API over a <see cref="IBoundarySource"/>: <c>/api/v1/locate</c>, <c>/api/v1/locate/batch</c>,
/// OGC API – Features at the root, <c>/api/v1/openapi.json</c>. The source is loaded before the server listens, and
/// reloaded (the locator swapped atomically) whenever it reports a change.
/// </summary>
public static class BoundariesServer
{
    /// <summary>Loads <paramref name="source"/> and starts listening; the host owns the source from then on.</summary>
    /// <exception cref="Boundaries.Geo.Formats.BoundariesFormatException">The source cannot be read.</exception>
    /// <exception cref="IOException">An address cannot be bound.</exception>
    public static async Task<BoundariesHost> StartAsync(IBoundarySource source, ServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= ServerOptions.Default;
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var catalog = new BoundaryCatalog(source, loggerFactory.CreateLogger("Boundaries.Viewer"));
        await catalog.LoadAsync(cancellationToken).ConfigureAwait(false);
        // the web map's per-zoom geometry, built in the background from now on (and again for each reloaded snapshot)
        var zoomWarm = Zoom.ZoomGeometry.For(catalog.Current).Warm();
        if (options.WarmBatch)
        {
            // then the batch path, so the first real million-point batch does not also pay for the JIT (BatchWarmup)
            _ = WarmBatchAfter(zoomWarm, catalog, loggerFactory.CreateLogger("Boundaries.Viewer.Batch"));
        }
        catalog.Reloaded += snapshot => _ = Zoom.ZoomGeometry.For(snapshot).Warm();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(_ => new Survey.SurveyCatalog(options.SurveyPaths.IsDefault ? [] : options.SurveyPaths));
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(options.Limits);
        Security.AccessSetup.AddServices(builder.Services, options.Access);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        var app = builder.Build();
        var access = Security.AccessSetup.Create(options.Access, loggerFactory);
        // Plain single lookups are answered before routing and the rest of the pipeline (see LocateFastPath).
        var fastLocate = new LocateFastPath(catalog, access);
        app.Use(next => context => fastLocate.InvokeAsync(context, next));
        app.UseRouting();
        app.UseStatusCodePages();
        Security.AccessSetup.Use(app, access);
        var limits = new Limits.LimitMiddleware(options.Limits);
        app.Use(next => context => limits.InvokeAsync(context, next));
        app.Use(next => context => StoreProblems.InvokeAsync(context, next));
        LocateEndpoints.Map(app);
        BatchEndpoints.Map(app);
        FeaturesEndpoints.Map(app);
        OpenApiDocument.Map(app);
        WebMap.MapPageEndpoints.Map(app);
        Lines.LineEndpoints.Map(app);
        Lines.CheckEndpoints.Map(app);
        Rendering.MapImageEndpoints.Map(app);
        Enclaves.EnclaveEndpoints.Map(app);
        Survey.SurveyEndpoints.Map(app);
        Divisions.DivisionEditEndpoints.Map(app);
        Security.MeEndpoints.Map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        return new BoundariesHost(app, catalog, source, addresses);
    }

    private static async Task WarmBatchAfter(Task before, BoundaryCatalog catalog, ILogger logger)
    {
        try
        {
            await before.ConfigureAwait(false);
            await Task.Run(() => BatchWarmup.RunAsync(catalog.Current.Locator)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // best effort: a failed warm-up only leaves the first batch slower
            Log.BatchWarmupFailed(logger, ex);
        }
    }
}
