using System.Globalization;

namespace Boundaries.Cli.Tests.Commands;

/// <summary><c>survey import</c> of KML placemarks (made by <c>ogr2ogr</c> from CSV points and a walked line) through the GDAL bridge.</summary>
public sealed class GdalSurveyImportTests
{
    private static readonly (string Name, string Description, double Lon, double Lat, double Height)[] Markers =
    [
        ("界桩001", "J1 三面型", 117.201234567, 39.087654321, 3.25),
        ("界桩002", "J2", 117.211111111, 39.091111111, 4.5),
        ("界桩003", "J3", 117.222222222, 39.082222222, 2.75),
    ];

    [Fact]
    public void ImportsPointPlacemarksAsWaypointsAndLineVerticesAsTrackPoints()
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("markers.csv"),
            ["name,description,lon,lat,height", .. Markers.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Name},{m.Description},{m.Lon},{m.Lat},{m.Height}"))]);
        Ok(CliRun.Tool("ogr2ogr", "-f", "KML", "-a_srs", "EPSG:4326", "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "Z_POSSIBLE_NAMES=height",
            dir.File("markers.kml"), dir.File("markers.csv")));
        var walk = "LINESTRING (117.2 39.08,117.21 39.085,117.22 39.09,117.23 39.095)";
        File.WriteAllLines(dir.File("walk.csv"), ["name,wkt", $"walk,\"{walk}\""]);
        Ok(CliRun.Tool("ogr2ogr", "-f", "KML", "-a_srs", "EPSG:4326", "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO", dir.File("walk.kml"), dir.File("walk.csv")));

        var run = CliRun.Of("survey", "import", dir.File("markers.kml"), dir.File("walk.kml"), "--points", "--format", "json", "--output", dir.File("survey.gpkg"));
        Assert.True(run.ExitCode == 0, run.Error);
        var files = run.Json().GetProperty("files");
        var markers = files[0].GetProperty("point_list");
        Assert.Equal(Markers.Length, markers.GetArrayLength());
        for (var i = 0; i < Markers.Length; i++)
        {
            var p = markers[i];
            Assert.Equal("waypoint", p.GetProperty("kind").GetString());
            Assert.Equal(Markers[i].Name, p.GetProperty("name").GetString());
            Assert.Equal(Markers[i].Description, p.GetProperty("code").GetString());
            Assert.Equal(Markers[i].Lon, p.GetProperty("x").GetDouble(), 9);
            Assert.Equal(Markers[i].Lat, p.GetProperty("y").GetDouble(), 9);
            Assert.Equal(Markers[i].Height, p.GetProperty("orthometric_height").GetDouble(), 6);
        }
        var track = files[1].GetProperty("point_list");
        Assert.Equal(4, track.GetArrayLength());
        Assert.All(track.EnumerateArray(), p => Assert.Equal("track_point", p.GetProperty("kind").GetString()));
        Assert.Equal(117.23, track[3].GetProperty("x").GetDouble(), 9);
        Assert.Equal(39.095, track[3].GetProperty("y").GetDouble(), 9);

        // the GeoPackage holds all seven, as GDAL counts them
        var (exit, info, error) = CliRun.Tool("ogrinfo", "-so", "-al", dir.File("survey.gpkg"));
        Assert.True(exit == 0, error);
        Assert.Contains("Feature Count: 7", info, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatSaysKmlInsideIsDetectedWithoutTheExtension()
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("m.csv"), ["name,lon,lat", "A,117.2,39.1"]);
        Ok(CliRun.Tool("ogr2ogr", "-f", "KML", "-a_srs", "EPSG:4326", "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", dir.File("m.kml"), dir.File("m.csv")));
        File.Move(dir.File("m.kml"), dir.File("m.xml"));
        var run = CliRun.Of("survey", "import", dir.File("m.xml"), "--points", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var file = run.Json().GetProperty("files")[0];
        Assert.Equal("kml", file.GetProperty("format").GetString());
        Assert.Equal("A", file.GetProperty("point_list")[0].GetProperty("name").GetString());
    }

    private static void Ok((int Exit, string Out, string Error) run) => Assert.True(run.Exit == 0, run.Error);
}
