using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Api;
using Boundaries.Viewer.Lines;
using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Divisions;

/// <summary>
/// <c>POST /api/v1/divisions/split</c> ({level, code, line [[lon, lat], …], new_code, new_name, base_version, author,
/// reason}: the smaller piece becomes the new division) and <c>POST /api/v1/divisions/merge</c> ({level, code, other,
/// base_version, author, reason}: <c>other</c> joins <c>code</c> and its children move with it). Both re-validate
/// and save a draft change; 409 on a stale base version, 422 with the findings that block. <c>GET /api/v1/version</c>
/// gives the loaded version to send as base_version.
/// </summary>
internal static class DivisionEditEndpoints
{

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/version", (BoundaryCatalog catalog) =>
            Results.Json(new { version = catalog.Current.Version, loaded_at = catalog.Current.LoadedAt }, ViewerJson.Options));
        app.MapPost("/api/v1/divisions/split", (HttpContext context, BoundaryCatalog catalog) => Run(context, catalog, "split"));
        app.MapPost("/api/v1/divisions/merge", (HttpContext context, BoundaryCatalog catalog) => Run(context, catalog, "merge"));
    }

    private static async Task<IResult> Run(HttpContext context, BoundaryCatalog catalog, string kind)
    {
        DivisionEditRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<DivisionEditRequest>(context.Request.Body, ViewerJson.Options);
        }
        catch (JsonException ex)
        {
            return Results.Problem(statusCode: 400, title: "unreadable request", detail: ex.Message);
        }
        var author = Security.EditAuthor.Resolve(context, request?.Author);
        if (request is null || author is null || string.IsNullOrWhiteSpace(request.Reason) || request.BaseVersion is null
            || string.IsNullOrWhiteSpace(request.Code) || !DivisionLevels.TryParse(request.Level, out var parsed)
            || (kind == "split" && (request.Line is null || string.IsNullOrWhiteSpace(request.NewCode) || request.Line.Any(c => c.Length < 2 || !double.IsFinite(c[0]) || !double.IsFinite(c[1]))))
            || (kind == "merge" && string.IsNullOrWhiteSpace(request.Other)))
        {
            return Results.Problem(statusCode: 400, title: "incomplete " + kind,
                detail: kind == "split" ? "level, code, line, new_code, base_version, author and reason are required" : "level, code, other, base_version, author and reason are required");
        }
        var level = parsed.Value;
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
                    detail: $"version {request.BaseVersion} was replaced by version {snapshot.Version}; reload");
            }
            var current = LineTopologyCache.Current(snapshot.Locator.Divisions).ToList();
            Division? Find(string code) => current.FirstOrDefault(d => d.Level == level && d.Code == code);
            if (Find(request.Code) is not { } target)
            {
                return Results.Problem(statusCode: 404, title: "no such division", detail: request.Code);
            }
            var replaced = new Dictionary<Division, Division?>(ReferenceEqualityComparer.Instance);
            var added = new List<Division>();
            string detail;
            if (kind == "split")
            {
                if (current.Any(d => d.Code == request.NewCode))
                {
                    return Results.Problem(statusCode: 400, title: "code in use", detail: request.NewCode);
                }
                var line = request.Line!.Select(c => new Coordinate(c[0], c[1])).ToArray();
                if (DivisionSurgery.Split(target.Geometry, line, out var error) is not { } pieces)
                {
                    return Results.Problem(statusCode: 400, title: "split not applicable", detail: error);
                }
                replaced[target] = target with { Geometry = pieces.Larger };
                added.Add(target with { Code = request.NewCode!.Trim(), Name = request.NewName?.Trim() ?? target.Name, Geometry = pieces.Smaller });
                detail = $"{level.Name()} {target.Code} split: {request.NewCode} ({line.Length} line vertices)";
            }
            else
            {
                if (Find(request.Other!) is not { } other || ReferenceEquals(other, target))
                {
                    return Results.Problem(statusCode: 404, title: "no such division", detail: request.Other);
                }
                if (other.ParentCode != target.ParentCode)
                {
                    return Results.Problem(statusCode: 400, title: "merge not applicable", detail: "the two divisions have different parents");
                }
                if (DivisionSurgery.Merge(target.Geometry, other.Geometry, out var error) is not { } union)
                {
                    return Results.Problem(statusCode: 400, title: "merge not applicable", detail: error);
                }
                replaced[target] = target with { Geometry = union, Name = string.IsNullOrWhiteSpace(request.NewName) ? target.Name : request.NewName.Trim() };
                replaced[other] = null;
                foreach (var child in current.Where(d => d.Level > level && d.ParentCode == other.Code))
                {
                    replaced[child] = child with { ParentCode = target.Code };
                }
                detail = $"{level.Name()} {other.Code} merged into {target.Code}";
            }
            IEnumerable<Division> Edited(IEnumerable<Division> divisions) =>
                divisions.Select(d => replaced.TryGetValue(d, out var r) ? r : d).OfType<Division>().Concat(added);
            var blocking = LineEditor.NewErrors(current, [.. Edited(current)]);
            if (blocking.Length > 0)
            {
                return Results.Json(new
                {
                    type = "blocked",
                    title = "the edit would leave errors; nothing was saved",
                    findings = blocking.Select(LineEndpoints.FindingJson).ToArray(),
                }, ViewerJson.Options, statusCode: 422);
            }
            var at = DateTimeOffset.UtcNow;
            var codes = replaced.Keys.Where(d => d.Level == level).Select(d => d.Code).Concat(added.Select(d => d.Code)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            var change = new BoundaryChange(at.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6],
                author, request.Reason.Trim(), at, kind, [.. codes], "draft", Security.EditAuthor.Detail(context, request.Author, detail));
            await source.SaveAsync([.. Edited(snapshot.Locator.Divisions)], change, context.RequestAborted);
            Security.EditAuthor.Saved(context, change);
            await catalog.ReloadAsync();
            return Results.Json(change, ViewerJson.Options);
        }
        finally
        {
            catalog.Saving.Release();
        }
    }
}

/// <summary>The body of a split or merge.</summary>
internal sealed record DivisionEditRequest(string? Level, string? Code, double[][]? Line, string? NewCode, string? NewName, string? Other,
    int? BaseVersion, string? Author, string? Reason);
