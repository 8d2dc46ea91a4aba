using System.Net;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Survey.Compare;

namespace Boundaries.Viewer.Tests.Survey;

/// <summary>
/// The survey dashboard over a generated city and survey: the shares are SurveyComparer's on the file read back; the
/// markers out of tolerance are the generator's truth; the line colours follow the share and the markers.
/// </summary>
public sealed class SurveyApiTests : IAsyncLifetime
{
    private SurveyCity _city = null!;

    public async Task InitializeAsync() => _city = await SurveyCity.StartAsync();

    public async Task DisposeAsync() => await _city.DisposeAsync();

    [Fact]
    public async Task DashboardSharesAreTheComparersAndTheOutOfToleranceMarkersTheTruths()
    {
        var set = DivisionImporter.Import(_city.Path).In(CrsCode.Cgcs2000);
        var expected = SurveyComparer.Compare(set, SurveyObservationReader.Read([_city.SurveyDirectory]));
        using var doc = JsonDocument.Parse(await _city.Client.GetStringAsync("/api/v1/survey"));
        var root = doc.RootElement;
        Assert.True(expected.City.Share is > 0.05 and < 0.999, "the generated survey walks part of the lines");
        Assert.Equal(expected.City.Share, root.GetProperty("city").GetProperty("share").GetDouble(), 1e-9);
        Assert.Equal(expected.City.Lines, root.GetProperty("city").GetProperty("lines").GetInt32());
        var districts = root.GetProperty("districts").EnumerateArray().ToDictionary(d => d.GetProperty("code").GetString()!, d => d.GetProperty("share").GetDouble());
        Assert.Equal(expected.Districts.Length, districts.Count);
        foreach (var d in expected.Districts)
        {
            Assert.Equal(d.Share, districts[d.Code!], 1e-9);
        }
        Assert.Equal(expected.LinesToWalk.Order(), root.GetProperty("lines_to_walk").EnumerateArray().Select(l => l.GetProperty("id").GetInt32()).Order());
        var outOf = root.GetProperty("markers_out_of_tolerance").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(outOf);
        Assert.Equal(_city.Truth.Markers.Where(m => m.OutOfTolerance).Select(m => m.Number).Order(StringComparer.Ordinal), outOf);
    }

    [Fact]
    public async Task LineStatusFollowsShareAndMarkers()
    {
        using var doc = JsonDocument.Parse(await _city.Client.GetStringAsync("/api/v1/survey/lines?level=township"));
        var lines = doc.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        var outOfLines = _city.Truth.Markers.Where(m => m.OutOfTolerance).Select(m => m.LineId).ToHashSet();
        var truthShare = _city.Truth.Lines.ToDictionary(l => l.Id, l => l.VerifiedShare);
        Assert.Equal(_city.Truth.Lines.Length, lines.Count);
        foreach (var l in lines)
        {
            var id = l.GetProperty("id").GetInt32();
            var status = l.GetProperty("survey_status").GetString();
            if (outOfLines.Contains(id))
            {
                Assert.Equal("out-of-tolerance", status);
            }
            else if (truthShare[id] >= 0.999)
            {
                Assert.Equal("field-verified", status);
            }
            else if (truthShare[id] < 0.9)
            {
                Assert.Equal("map-agreed", status);
            }
        }
        Assert.Contains(lines, l => l.GetProperty("survey_status").GetString() == "field-verified");
        Assert.Contains(lines, l => l.GetProperty("survey_status").GetString() == "map-agreed");

        // The editing layer (/api/v1/lines) carries the same status for the same line ids.
        using var editing = JsonDocument.Parse(await _city.Client.GetStringAsync("/api/v1/lines?level=township"));
        var byId = editing.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))
            .ToDictionary(p => p.GetProperty("id").GetInt32(), p => p.GetProperty("survey_status").GetString());
        foreach (var l in lines)
        {
            Assert.Equal(l.GetProperty("survey_status").GetString(), byId[l.GetProperty("id").GetInt32()]);
        }
    }

    [Fact]
    public async Task AnUploadedWalkJoinsTheComparison()
    {
        using var before = JsonDocument.Parse(await _city.Client.GetStringAsync("/api/v1/survey"));
        var points = before.RootElement.GetProperty("track_points").GetInt32();
        var walk = Directory.GetFiles(_city.SurveyDirectory, "*.nmea").Order(StringComparer.Ordinal).First();
        using var content = new ByteArrayContent(File.ReadAllBytes(walk));
        using var response = await _city.Client.PostAsync("/api/v1/survey/files?name=again.nmea", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var after = JsonDocument.Parse(await _city.Client.GetStringAsync("/api/v1/survey"));
        var read = SurveyObservationReader.Read([walk]).TrackPoints.Length;
        Assert.True(read > 0);
        Assert.Equal(points + read, after.RootElement.GetProperty("track_points").GetInt32());
    }
}
