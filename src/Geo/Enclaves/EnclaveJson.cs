using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Boundaries.Geo.Enclaves;

/// <summary>JSON forms of findings (<c>enclaves find</c>) and plans (<c>enclaves plan</c>, read back by <c>apply</c>).</summary>
public static class EnclaveJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new GeoJsonConverterFactory() },
    };

    /// <summary>A list of findings: owner, hosts, class, order, area_m2, level, geometry (GeoJSON), evidence.</summary>
    public static string Findings(IEnumerable<EnclaveFinding> findings) =>
        new JsonArray([.. findings.Select(FindingNode)]).ToJsonString(Options);

    /// <summary>A GeoJSON FeatureCollection with one feature per finding.</summary>
    public static string FindingsGeoJson(IEnumerable<EnclaveFinding> findings) =>
        new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["features"] = new JsonArray([.. findings.Select(f =>
            {
                var props = FindingNode(f);
                var geometry = props["geometry"]!.DeepClone();
                props.Remove("geometry");
                props["hosts"] = string.Join(",", f.Hosts);
                props.Remove("evidence");
                props["note"] = f.Evidence.Note;
                return (JsonNode)new JsonObject { ["type"] = "Feature", ["properties"] = props, ["geometry"] = geometry };
            })]),
        }.ToJsonString(Options);

    private static JsonObject FindingNode(EnclaveFinding f) => new()
    {
        ["owner"] = f.Owner,
        ["hosts"] = new JsonArray([.. f.Hosts.Select(h => (JsonNode)h)]),
        ["class"] = f.Class.Name(),
        ["order"] = f.Order,
        ["level"] = f.Level.Name(),
        ["area_m2"] = Math.Round(f.AreaSquareMeters, 2),
        ["geometry"] = Geometry(f.Geometry),
        ["evidence"] = new JsonObject
        {
            ["shared_borders"] = new JsonArray([.. f.Evidence.SharedBorders.Select(b => (JsonNode)new JsonObject { ["code"] = b.Code, ["length_m"] = Math.Round(b.LengthMeters, 3) })]),
            ["outer_edge_m"] = Math.Round(f.Evidence.OuterEdgeMeters, 3),
            ["part"] = f.Evidence.PartIndex,
            ["parts"] = f.Evidence.PartCount,
            ["enclosing_owner"] = f.Evidence.EnclosingOwner,
            ["neck_width_m"] = f.Evidence.NeckWidthMeters,
            ["managed_by"] = f.Evidence.ManagedBy,
            ["note"] = f.Evidence.Note,
        },
    };

    /// <summary>The plan: solver, total cost, the scoring layers used, and every finding's chosen resolution with its
    /// scores (people, households and facilities moved and the road-following share when the layers give them; markers
    /// that would move, <c>markers_moved</c> = { count, ids }, when markers are given) and piece.</summary>
    public static string Plan(EnclavePlan plan, IReadOnlyList<EnclaveFinding> findings, ScoringInputs? inputs = null) =>
        new JsonObject
        {
            ["solver"] = plan.Solver,
            ["total_cost"] = plan.TotalCost,
            ["scoring"] = new JsonObject
            {
                ["addresses"] = inputs?.Addresses.Length ?? 0,
                ["facilities"] = inputs?.Facilities.Length ?? 0,
                ["lines"] = inputs?.Lines?.NumGeometries ?? 0,
                ["follow_tolerance_m"] = inputs?.FollowToleranceMeters,
                ["markers"] = inputs?.Markers.Length ?? 0,
                ["marker_tolerance_m"] = inputs is { Markers.Length: > 0 } ? inputs.MarkerToleranceMeters : null,
                ["marker_weight"] = inputs is { Markers.Length: > 0 } ? inputs.MarkerWeight : null,
            },
            ["people_moved"] = plan.Choices.Sum(c => c.Score.PeopleMoved),
            ["households_moved"] = plan.Choices.Sum(c => c.Score.HouseholdsMoved),
            ["facilities_moved"] = plan.Choices.Sum(c => c.Score.FacilitiesMoved),
            ["markers_moved"] = Markers(plan.Choices.SelectMany(c => c.Score.MarkersMoved)),
            ["changes"] = new JsonArray([.. plan.Choices.Select(c => (JsonNode)new JsonObject
            {
                ["finding"] = c.Finding,
                ["class"] = findings[c.Finding].Class.Name(),
                ["level"] = findings[c.Finding].Level.Name(),
                ["kind"] = c.Kind.ToString(),
                ["from"] = c.From,
                ["to"] = c.To,
                ["point"] = new JsonArray(c.Point.X, c.Point.Y),
                ["area_m2"] = Math.Round(c.Score.AreaMovedSquareMeters, 2),
                ["boundary_change_m"] = Math.Round(c.Score.BoundaryLengthChangeMeters, 3),
                ["new_boundary_m"] = Math.Round(c.Score.NewBoundaryMeters, 3),
                ["levels"] = new JsonArray([.. c.Score.LevelsAffected.Select(l => (JsonNode)l.Name())]),
                ["levels_affected"] = new JsonArray([.. c.Score.LevelsAffected.Select(l => (JsonNode)l.Name())]),
                ["child_changes"] = ChildChanges(c.Score.Carried),
                ["compactness"] = new JsonArray([.. c.Score.Compactness.Select(k => (JsonNode)new JsonObject
                {
                    ["code"] = k.Code, ["polsby_popper_before"] = k.PolsbyPopperBefore, ["polsby_popper_after"] = k.PolsbyPopperAfter,
                    ["hull_ratio_before"] = k.HullRatioBefore, ["hull_ratio_after"] = k.HullRatioAfter,
                })]),
                ["people_moved"] = c.Score.PeopleMoved,
                ["households_moved"] = c.Score.HouseholdsMoved,
                ["facilities_moved"] = c.Score.FacilitiesMoved,
                ["new_boundary_following_share"] = c.Score.NewBoundaryFollowingShare,
                ["junctions_removed"] = c.Score.JunctionsRemoved,
                ["junctions_kept"] = c.Score.JunctionsKept,
                ["junctions_created"] = c.Score.JunctionsCreated,
                ["markers_moved"] = Markers(c.Score.MarkersMoved),
                ["cost"] = c.Score.Cost,
                ["piece"] = Geometry(c.Piece),
                ["partner"] = c.Partner,
                ["moves"] = c.HasMoves ? new JsonArray([.. c.Moves.Select(m => (JsonNode)new JsonObject
                {
                    ["from"] = m.From, ["to"] = m.To, ["area_m2"] = m.AreaSquareMeters, ["people"] = m.People, ["piece"] = Geometry(m.Piece),
                })]) : null,
            })]),
        }.ToJsonString(Options);

    /// <summary>Reads a plan written by <see cref="Plan"/>: the level and the transfers with their pieces and the figures the
    /// report shows (area, new boundary, people, households, facilities, following share; compactness and cost are not read back).</summary>
    /// <exception cref="BoundariesFormatException">The file is not such a plan.</exception>
    public static (EnclavePlan Plan, DivisionLevel Level) ReadPlan(string json, string path)
    {
        try
        {
            var root = JsonNode.Parse(json)!.AsObject();
            var choices = ImmutableArray.CreateBuilder<EnclaveResolution>();
            var level = DivisionLevel.Township;
            var factory = new GeometryFactory(new PrecisionModel(), 4490);
            foreach (var node in root["changes"]!.AsArray())
            {
                var c = node!.AsObject();
                level = DivisionLevels.All.First(l => l.Name() == c["level"]!.GetValue<string>());
                var point = factory.CreatePoint(new Coordinate(c["point"]![0]!.GetValue<double>(), c["point"]![1]!.GetValue<double>()));
                var piece = c["piece"] is JsonObject pieceNode ? JsonSerializer.Deserialize<Geometry>(pieceNode.ToJsonString(), Options) ?? point : point;
                choices.Add(new EnclaveResolution(c["finding"]!.GetValue<int>(), Enum.Parse<ResolutionKind>(c["kind"]!.GetValue<string>()),
                    c["from"]!.GetValue<string>(), c["to"]?.GetValue<string>(), point, piece, ResolutionScore.None with
                    {
                        AreaMovedSquareMeters = c["area_m2"]?.GetValue<double>() ?? 0,
                        NewBoundaryMeters = c["new_boundary_m"]?.GetValue<double>() ?? 0,
                        PeopleMoved = c["people_moved"]?.GetValue<int>() ?? 0,
                        HouseholdsMoved = c["households_moved"]?.GetValue<int>() ?? 0,
                        FacilitiesMoved = c["facilities_moved"]?.GetValue<int>() ?? 0,
                        NewBoundaryFollowingShare = c["new_boundary_following_share"]?.GetValue<double>(),
                        JunctionsRemoved = c["junctions_removed"]?.GetValue<int>() ?? 0,
                        JunctionsKept = c["junctions_kept"]?.GetValue<int>() ?? 0,
                        JunctionsCreated = c["junctions_created"]?.GetValue<int>() ?? 0,
                        LevelsAffected = c["levels_affected"] is JsonArray la ? [.. la.Select(n => DivisionLevels.Parse(n!.GetValue<string>()))] : [],
                        Carried = c["child_changes"] is JsonArray cc ? [.. cc.Select(n => ReadChildChange(n!.AsObject()))] : [],
                        MarkersMoved = c["markers_moved"]?["ids"] is JsonArray ids ? [.. ids.Select(n => n!.GetValue<string>())] : [],
                    }, ReadMoves(c["moves"]), c["partner"]?.GetValue<int>()));
            }
            return (new EnclavePlan(choices.ToImmutable(), root["total_cost"]?.GetValue<double>() ?? 0, root["solver"]?.GetValue<string>() ?? "?"), level);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or ArgumentException or FormatException)
        {
            throw new BoundariesFormatException($"not an enclave plan: {e.Message}", path);
        }
    }

    private static ImmutableArray<PieceMove> ReadMoves(JsonNode? moves) => moves is JsonArray list
        ? [.. list.Select(n => new PieceMove(n!["from"]!.GetValue<string>(), n["to"]!.GetValue<string>(),
            JsonSerializer.Deserialize<Geometry>(n["piece"]!.ToJsonString(), Options) ?? throw new FormatException("a move without a piece"),
            n["area_m2"]?.GetValue<double>() ?? 0, n["people"]?.GetValue<int>() ?? 0))]
        : default;
    /// <summary>The changes a transfer carries to lower levels: level, kind (moved|merged), old_code, new_code (the new code
    /// of a moved child; the child that took a merged cut part), old_parent, new_parent, area_share.</summary>
    public static JsonArray ChildChanges(IEnumerable<ChildChange> carried) =>
        new([.. carried.Select(k => (JsonNode)new JsonObject
        {
            ["level"] = k.Level.Name(),
            ["kind"] = k.Kind == ChildChangeKind.Moved ? "moved" : "merged",
            ["old_code"] = k.OldCode,
            ["new_code"] = k.NewCode,
            ["old_parent"] = k.OldParent,
            ["new_parent"] = k.NewParent,
            ["area_share"] = k.AreaShare,
        })]);

    private static ChildChange ReadChildChange(JsonObject o) => new(
        DivisionLevels.Parse(o["level"]!.GetValue<string>()),
        o["kind"]!.GetValue<string>() == "moved" ? ChildChangeKind.Moved : ChildChangeKind.Merged,
        o["old_code"]!.GetValue<string>(), o["new_code"]!.GetValue<string>(),
        o["old_parent"]!.GetValue<string>(), o["new_parent"]!.GetValue<string>(), o["area_share"]?.GetValue<double>() ?? 0);

    /// <summary>Markers that would move: <c>{ "count": n, "ids": [...] }</c>.</summary>
    private static JsonObject Markers(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return new JsonObject { ["count"] = list.Count, ["ids"] = new JsonArray([.. list.Select(id => (JsonNode)id)]) };
    }

    /// <summary>True when the plan JSON says markers were scored (<c>scoring.markers</c> &gt; 0).</summary>
    public static bool MarkersScored(string json)
    {
        try
        {
            return JsonNode.Parse(json)?["scoring"]?["markers"]?.GetValue<int>() > 0;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    private static JsonNode? Geometry(Geometry g) => JsonNode.Parse(JsonSerializer.Serialize(g, Options));

    internal static string Invariant(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
