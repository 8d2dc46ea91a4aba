using System.Text.Json;
using System.Text.Json.Nodes;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Geo.Tests.Support;
using Boundaries.Geo.Validation;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Tests.Validation;

/// <summary>
/// The golden cases in data/cases/&lt;case&gt;/: input.json (divisions as WKT in a stated CRS) and expected.issues.json,
/// written by hand from the geometry of the case (areas of rectangles on the central meridian of the zone, where the
/// Gauss-Krüger scale is 1). BOUNDARIES_UPDATE_GOLDEN=1 rewrites the expected files from the checker.
/// </summary>
public sealed class GoldenCaseTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(RepoPaths.Root, "data", "cases")).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "input.json")))
            {
                data.Add(Path.GetFileName(dir));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FindingsMatchTheExpectedIssues(string name)
    {
        var dir = Path.Combine(RepoPaths.Root, "data", "cases", name);
        var input = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "input.json")))!;
        var reader = new WKTReader();
        var set = new DivisionSet(
            [.. input["divisions"]!.AsArray().Select(d => new Division(
                (string)d!["code"]!, (string)d["name"]!, DivisionLevels.Parse((string)d["level"]!), (string?)d["parent"], reader.Read((string)d["wkt"]!)))],
            CrsCode.Parse((string)input["crs"]!));
        var report = CoverageChecker.Check(set);
        var actual = report.Findings.Select(f => new JsonObject
        {
            ["code"] = f.Code.Name(),
            ["severity"] = f.Severity.ToString().ToLowerInvariant(),
            ["divisions"] = new JsonArray([.. f.Divisions.Select(d => (JsonNode?)d)]),
            ["measure"] = f.Measure is { } m ? Math.Round(m, 0) : null,
            ["unit"] = f.MeasureUnit,
        }).ToList();
        var expectedPath = Path.Combine(dir, "expected.issues.json");
        if (Environment.GetEnvironmentVariable("BOUNDARIES_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, new JsonArray([.. actual]).ToJsonString(new JsonSerializerOptions { WriteIndented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        }
        var expected = JsonNode.Parse(File.ReadAllText(expectedPath))!.AsArray();
        Assert.Equal(Canonical(expected.Select(e => e!.AsObject())), Canonical(actual));
    }

    /// <summary>One line per issue, sorted, measures to whole units (the rectangles' areas are whole square metres).</summary>
    private static List<string> Canonical(IEnumerable<JsonObject> issues) =>
        [.. issues.Select(i => $"{i["code"]} {i["severity"]} [{string.Join(",", i["divisions"]!.AsArray().Select(d => (string)d!))}] " +
            $"{(i["measure"] is null ? "-" : Math.Round((double)i["measure"]!, 0).ToString(System.Globalization.CultureInfo.InvariantCulture))} {i["unit"]}")
            .Order(StringComparer.Ordinal)];
}
