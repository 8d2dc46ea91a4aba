using System.Globalization;
using System.Text.Json;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Api;
using Boundaries.Viewer.Lines;
using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Enclaves;

/// <summary>
/// The enclave workflow: <c>GET /api/v1/enclaves?level=</c> (findings as GeoJSON with the snapshot version),
/// <c>GET /api/v1/enclaves/{i}/options?level=</c> (the finding's options and scores),
/// <c>POST /api/v1/enclaves/plan</c> (the plan from choices or the solver, with the changed divisions before and after),
/// <c>POST /api/v1/enclaves/apply</c> (the same plus effective date, author and reason: re-validated and saved as a
/// new version). 409 when the base version is stale, 422 with the findings that block an apply.
/// </summary>
internal static class EnclaveEndpoints
{

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/enclaves", (HttpContext context, BoundaryCatalog catalog) =>
        {
            var snapshot = catalog.Current;
            if (Level(context.Request.Query["level"].ToString(), snapshot) is not { } level)
            {
                return Results.Problem(statusCode: 400, title: "unknown level", detail: context.Request.Query["level"].ToString());
            }
            var analysis = EnclaveWorkflow.For(snapshot, level);
            var features = analysis.Findings.Select((f, i) => new
            {
                type = "Feature",
                id = i,
                geometry = f.Geometry,
                properties = new
                {
                    index = i,
                    @class = f.Class.Name(),
                    owner = f.Owner,
                    hosts = f.Hosts,
                    order = f.Order,
                    level = f.Level.Name(),
                    area_m2 = Math.Round(f.AreaSquareMeters, 2),
                    options = analysis.OptionsOf(i).Count(),
                    note = f.Evidence.Note,
                },
            }).ToArray();
            return Results.Json(new { type = "FeatureCollection", version = snapshot.Version, markers = analysis.Markers, features }, ViewerJson.Options, "application/geo+json");
        });
        app.MapGet("/api/v1/enclaves/{index}/options", (HttpContext context, BoundaryCatalog catalog, string index) =>
        {
            var snapshot = catalog.Current;
            if (Level(context.Request.Query["level"].ToString(), snapshot) is not { } level)
            {
                return Results.Problem(statusCode: 400, title: "unknown level", detail: context.Request.Query["level"].ToString());
            }
            var analysis = EnclaveWorkflow.For(snapshot, level);
            if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= analysis.Findings.Length)
            {
                return Results.Problem(statusCode: 404, title: "no such finding", detail: index);
            }
            return Results.Json(new { finding = i, version = snapshot.Version, options = analysis.OptionsOf(i).Select(p => OptionJson(p.Index, p.Option)).ToArray() }, ViewerJson.Options);
        });
        app.MapPost("/api/v1/enclaves/plan", Plan);
        app.MapPost("/api/v1/enclaves/apply", Apply);
    }

    private static async Task<IResult> Plan(HttpContext context, BoundaryCatalog catalog)
    {
        var (request, problem) = await Read(context);
        if (problem is not null)
        {
            return problem;
        }
        var snapshot = catalog.Current;
        if (Level(request!.Level, snapshot) is not { } level)
        {
            return Results.Problem(statusCode: 400, title: "unknown level", detail: request.Level);
        }
        var analysis = EnclaveWorkflow.For(snapshot, level);
        try
        {
            var plan = EnclaveWorkflow.Plan(analysis, request.Choices);
            var (_, changed) = EnclaveWorkflow.Preview(analysis, plan, level);
            return Results.Json(PlanJson(plan, changed, snapshot.Version, analysis.Markers), ViewerJson.Options);
        }
        catch (ArgumentException ex)
        {
            return Results.Problem(statusCode: 400, title: "plan not applicable", detail: ex.Message);
        }
    }

    private static async Task<IResult> Apply(HttpContext context, BoundaryCatalog catalog)
    {
        var (request, problem) = await Read(context);
        if (problem is not null)
        {
            return problem;
        }
        var author = Security.EditAuthor.Resolve(context, request!.Author);
        if (author is null || string.IsNullOrWhiteSpace(request.Reason) || request.BaseVersion is null
            || !DateOnly.TryParseExact(request.EffectiveDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effective))
        {
            return Results.Problem(statusCode: 400, title: "incomplete apply", detail: "level, base_version, effective_date (yyyy-MM-dd), author and reason are required");
        }
        var source = catalog.Source;
        if (!source.CanSave)
        {
            return Results.Problem(statusCode: 405, title: "read-only source", detail: source.Description + " cannot be edited");
        }
        await catalog.Saving.WaitAsync(context.RequestAborted);
        try
        {
            var snapshot = catalog.Current;
            if (snapshot.Version != request.BaseVersion)
            {
                return Results.Problem(statusCode: 409, title: "the divisions were changed by someone else",
                    detail: $"version {request.BaseVersion} was replaced by version {snapshot.Version}; reload the findings");
            }
            if (Level(request.Level, snapshot) is not { } level)
            {
                return Results.Problem(statusCode: 400, title: "unknown level", detail: request.Level);
            }
            var analysis = EnclaveWorkflow.For(snapshot, level);
            EnclavePlan plan;
            System.Collections.Immutable.ImmutableArray<Division> all;
            System.Collections.Immutable.ImmutableArray<(Division Before, Division After)> changed;
            try
            {
                plan = EnclaveWorkflow.Plan(analysis, request.Choices);
                (_, changed) = EnclaveWorkflow.Preview(analysis, plan, level);
                all = EnclaveWorkflow.WithEffectiveDate(snapshot, changed, effective);
            }
            catch (ArgumentException ex)
            {
                return Results.Problem(statusCode: 400, title: "plan not applicable", detail: ex.Message);
            }
            if (changed.Length == 0)
            {
                return Results.Problem(statusCode: 400, title: "nothing to apply", detail: "the plan keeps every finding as it is");
            }
            var before = analysis.Set.Divisions.ToList();
            var after = before.Select(d => changed.FirstOrDefault(c => ReferenceEquals(c.Before, d)).After ?? d).ToList();
            var blocking = LineEditor.NewErrors(before, after);
            if (blocking.Length > 0)
            {
                return Results.Json(new
                {
                    type = "blocked",
                    title = "the plan would leave errors; nothing was saved",
                    findings = blocking.Select(LineEndpoints.FindingJson).ToArray(),
                }, ViewerJson.Options, statusCode: 422);
            }
            var at = DateTimeOffset.UtcNow;
            var transfers = plan.Choices.Where(c => c.Kind != ResolutionKind.Keep).Select(c => $"{c.From}->{c.To}");
            var moved = MovedMarkers(plan);
            var markers = moved.Count == 0 ? "" : $"; markers to move / 需迁移界桩 {moved.Count}: {string.Join(", ", moved)}";
            var change = new BoundaryChange(at.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6],
                author, request.Reason.Trim(), at, "enclave-apply",
                [.. changed.Select(c => c.Before.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], "draft",
                Security.EditAuthor.Detail(context, request.Author, $"{level.Name()} enclaves in force from {effective:yyyy-MM-dd}: {string.Join(", ", transfers)}{markers}"));
            await source.SaveAsync(all, change, context.RequestAborted);
            Security.EditAuthor.Saved(context, change);
            await catalog.ReloadAsync();
            // the saved change, and the markers (界桩) the applied plan would have to move (also named in its detail)
            var outcome = JsonSerializer.SerializeToNode(change, ViewerJson.Options)!.AsObject();
            outcome["markers_moved"] = JsonSerializer.SerializeToNode(MarkersJson(moved), ViewerJson.Options);
            return Results.Json(outcome, ViewerJson.Options);
        }
        finally
        {
            catalog.Saving.Release();
        }
    }

    private static async Task<(EnclaveRequest? Request, IResult? Problem)> Read(HttpContext context)
    {
        try
        {
            var request = await JsonSerializer.DeserializeAsync<EnclaveRequest>(context.Request.Body, ViewerJson.Options);
            return request is null || string.IsNullOrWhiteSpace(request.Level)
                ? (null, Results.Problem(statusCode: 400, title: "incomplete request", detail: "level is required"))
                : (request, null);
        }
        catch (JsonException ex)
        {
            return (null, Results.Problem(statusCode: 400, title: "unreadable request", detail: ex.Message));
        }
    }

    private static object PlanJson(EnclavePlan plan, System.Collections.Immutable.ImmutableArray<(Division Before, Division After)> changed, int version, int markers) => new
    {
        solver = plan.Solver,
        total_cost = plan.TotalCost,
        version,
        markers,
        markers_moved = MarkersJson(MovedMarkers(plan)),
        choices = plan.Choices.Select(c => new { finding = c.Finding, kind = c.Kind.ToString(), from = c.From, to = c.To, cost = c.Score.Cost, area_m2 = Math.Round(c.Score.AreaMovedSquareMeters, 2), partner = c.Partner, markers_moved = MarkersJson(c.Score.MarkersMoved) }).ToArray(),
        before = Collection(changed.Select(c => c.Before), "before"),
        after = Collection(changed.Select(c => c.After), "after"),
    };

    /// <summary>The markers the plan's choices would move, each once, in ordinal order.</summary>
    private static List<string> MovedMarkers(EnclavePlan plan) =>
        [.. plan.Choices.SelectMany(c => c.Score.MarkersMoved.IsDefault ? [] : c.Score.MarkersMoved).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Markers that would move, as the CLI's plan JSON gives them: <c>{count, ids}</c>.</summary>
    private static object MarkersJson(IReadOnlyCollection<string> ids) => new { count = ids.Count, ids };

    private static object Collection(IEnumerable<Division> divisions, string state) => new
    {
        type = "FeatureCollection",
        features = divisions.Select(d => new
        {
            type = "Feature",
            geometry = d.Geometry,
            properties = new { code = d.Code, name = d.Name, level = d.Level.Name(), state },
        }).ToArray(),
    };

    internal static object OptionJson(int index, EnclaveResolution o) => new
    {
        option = index,
        kind = o.Kind.ToString(),
        from = o.From,
        to = o.To,
        cost = Math.Round(o.Score.Cost, 4),
        area_m2 = Math.Round(o.Score.AreaMovedSquareMeters, 2),
        boundary_change_m = Math.Round(o.Score.BoundaryLengthChangeMeters, 3),
        new_boundary_m = Math.Round(o.Score.NewBoundaryMeters, 3),
        people_moved = o.Score.PeopleMoved,
        markers_moved = MarkersJson(o.Score.MarkersMoved.IsDefault ? [] : o.Score.MarkersMoved),
        levels = o.Score.LevelsAffected.Select(l => l.Name()).ToArray(),
        partner = o.Partner,
        piece = (Geometry)o.Piece,
    };

    private static DivisionLevel? Level(string? text, BoundarySnapshot snapshot) =>
        DivisionLevels.TryParse(text, out var l) && snapshot.Levels.ContainsKey(l.Value) ? l.Value : null;
}

/// <summary>The body of <c>plan</c> and <c>apply</c>: level, choices (none = let the solver plan), and for apply the rest.</summary>
internal sealed record EnclaveRequest(string? Level, List<EnclaveChoice>? Choices, int? BaseVersion, string? EffectiveDate, string? Author, string? Reason);
