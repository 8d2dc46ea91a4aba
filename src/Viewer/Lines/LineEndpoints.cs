using System.Globalization;
using System.Text.Json;
using Boundaries.Geo.Model;
using Boundaries.Geo.Topology;
using Boundaries.Geo.Validation;
using Boundaries.Viewer.Api;
using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Lines;

/// <summary>
/// <c>GET /api/v1/lines?level=&amp;bbox=</c>: the boundary lines of the divisions in force (GeoJSON, each with its left
/// and right division and a version token; see <see cref="LinesInView"/>); <c>POST /api/v1/lines/{id}/edit</c>: moves, adds or removes a line's vertices in
/// both neighbours at once. Answers 200 with the change, 409 on a conflict, 422 with the blocking findings, 400 for
/// an unusable request.
/// </summary>
internal static class LineEndpoints
{

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/lines", LinesInView.Get);
        app.MapPost("/api/v1/lines/{id}/edit", Edit);
    }

    private static async Task<IResult> Edit(HttpContext context, BoundaryCatalog catalog, string id)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var lineId))
        {
            return Results.Problem(statusCode: 404, title: "no such line", detail: id);
        }
        LineEditRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<LineEditRequest>(context.Request.Body, ViewerJson.Options);
        }
        catch (JsonException ex)
        {
            return Results.Problem(statusCode: 400, title: "unreadable edit", detail: ex.Message);
        }
        var author = Security.EditAuthor.Resolve(context, request?.Author);
        if (request is null || author is null || string.IsNullOrWhiteSpace(request.Reason)
            || request.BaseVersion is null || request.Coordinates is null || request.Coordinates.Any(c => c.Length < 2 || !double.IsFinite(c[0]) || !double.IsFinite(c[1])))
        {
            return Results.Problem(statusCode: 400, title: "incomplete edit",
                detail: "level, base_version, coordinates [[lon, lat], …], author and reason are required");
        }
        var source = catalog.Source;
        if (!source.CanSave)
        {
            return Results.Problem(statusCode: 405, title: "read-only source", detail: source.Description + " cannot be edited");
        }
        await catalog.Saving.WaitAsync(context.RequestAborted);
        try
        {
            // Under the lock, the snapshot is the one the previous edit saved and reloaded: a stale base is a conflict.
            var snapshot = catalog.Current;
            if (Level(request.Level, snapshot) is not { } level)
            {
                return Results.Problem(statusCode: 400, title: "unknown level", detail: request.Level);
            }
            var coordinates = request.Coordinates.Select(c => new Coordinate(c[0], c[1])).ToArray();
            var outcome = LineEditor.Apply(snapshot, level, lineId, request.BaseVersion, coordinates);
            switch (outcome)
            {
                case LineEditOutcome.Invalid invalid:
                    return Results.Problem(statusCode: invalid.NotFound ? 404 : 400, title: "edit not applicable", detail: invalid.Message);
                case LineEditOutcome.Conflict conflict:
                    return Results.Json(new
                    {
                        type = "conflict",
                        title = "the line was changed by someone else",
                        detail = conflict.Message,
                        current = conflict.Current is { } c ? Feature(c, null) : null,
                    }, ViewerJson.Options, statusCode: 409);
                case LineEditOutcome.Blocked blocked:
                    return Results.Json(new
                    {
                        type = "blocked",
                        title = "the edit would leave errors; nothing was saved",
                        findings = blocked.Findings.Select(FindingJson).ToArray(),
                    }, ViewerJson.Options, statusCode: 422);
                case LineEditOutcome.Applied applied:
                    var at = DateTimeOffset.UtcNow;
                    var change = new BoundaryChange(at.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6],
                        author, request.Reason.Trim(), at, "line-edit", applied.Changed, "draft",
                        Security.EditAuthor.Detail(context, request.Author, $"{level.Name()} line {lineId}: {applied.OldVertices} -> {applied.NewVertices} vertices"));
                    await source.SaveAsync(applied.Divisions, change, context.RequestAborted);
                    Security.EditAuthor.Saved(context, change);
                    await catalog.ReloadAsync();
                    return Results.Json(change, ViewerJson.Options);
                default:
                    throw new InvalidOperationException("unknown outcome");
            }
        }
        finally
        {
            catalog.Saving.Release();
        }
    }

    internal static DivisionLevel? Level(string? text, BoundarySnapshot snapshot) =>
        DivisionLevels.TryParse(text, out var l) && snapshot.Levels.ContainsKey(l.Value) ? l.Value : null;

    internal static object Feature(BoundaryLine l, Dictionary<(DivisionLevel, string), string>? names, IReadOnlyDictionary<int, string>? status = null) => new
    {
        type = "Feature",
        id = l.Id,
        geometry = (Geometry)l.Geometry,
        properties = new
        {
            id = l.Id,
            level = l.Level.Name(),
            left = l.Left,
            right = l.Right,
            left_name = l.Left is { } a && names is not null && names.TryGetValue((l.Level, a), out var an) ? an : null,
            right_name = l.Right is { } b && names is not null && names.TryGetValue((l.Level, b), out var bn) ? bn : null,
            length_m = Math.Round(l.LengthMeters, 3),
            version = LineTopologyCache.Version(l),
            survey_status = status is not null && status.TryGetValue(l.Id, out var st) ? st : "map-agreed",
        },
    };

    internal static object FindingJson(Finding f) => new
    {
        code = f.Code.ToString(),
        severity = f.Severity.ToString().ToLowerInvariant(),
        divisions = f.Divisions,
        message = f.Message,
        measure = f.Measure,
        measure_unit = f.MeasureUnit,
        location = f.Location,
    };
}
