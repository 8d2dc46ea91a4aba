using System.Collections.Immutable;
using System.Globalization;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Measure;
using Boundaries.Geo.Topology;
using Boundaries.Survey.Compare;
using Boundaries.Survey.Markers;

namespace Boundaries.Survey.Registers;

/// <summary>
/// Builds the registers GB/T 17796 asks for from a comparison: the marker register (界桩登记表), the boundary-point
/// table (边界点成果表: per line, its end nodes and its markers in order along it) and the course description
/// (走向说明: from point to point, the 16-point compass direction from true north, the straight ellipsoidal distance
/// and the length along the line). X is the Gauss-Krüger northing and Y the easting, as Chinese survey forms write them.
/// </summary>
public static class RegisterBuilder
{
    /// <summary>The three registers, in that order.</summary>
    public static ImmutableArray<RegisterTable> Build(BoundaryTopology topology, SurveyComparison comparison, SurveyObservations observations,
        RegisterLanguage language = RegisterLanguage.Chinese)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(observations);
        var zh = language == RegisterLanguage.Chinese;
        var toGrid = CoordinateTransformer.Create(CrsCode.Cgcs2000, comparison.MetricCrs);
        var offsets = comparison.Markers.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var estimates = observations.Markers.ToDictionary(m => m.Id, StringComparer.Ordinal);
        return [MarkerRegister(observations, offsets, toGrid, zh), .. LineTables(topology, comparison, offsets, estimates, toGrid, zh)];
    }

    private static RegisterTable MarkerRegister(SurveyObservations observations, Dictionary<string, MarkerOffset> offsets, CoordinateTransformer toGrid, bool zh)
    {
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var k = 0;
        foreach (var m in observations.Markers)
        {
            var o = offsets.GetValueOrDefault(m.Id);
            var (y, x) = m.Longitude is { } lon && m.Latitude is { } lat ? toGrid.Transform(lon, lat) : (double.NaN, double.NaN);
            var status = o?.WithinTolerance switch
            {
                true => zh ? "合格" : "within tolerance",
                false => zh ? "超限" : "out of tolerance",
                null => zh ? "未匹配界线" : "no line nearby",
            };
            rows.Add([F(++k, "0"), m.Id, Type(m.Number, zh), o?.LineCode ?? m.Number?.LineCode ?? "", F(x, "0.000"), F(y, "0.000"),
                F(m.Longitude, "0.000000000"), F(m.Latitude, "0.000000000"), F(m.HeightMeters, "0.000"), F(m.SigmaMeanHorizontalMeters, "0.0000"),
                F(m.Occupations, "0"), m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", F(o?.DistanceMeters, "0.000"), status]);
        }
        return new RegisterTable("marker-register", zh ? "界桩登记表" : "Marker register",
            zh ? ["序号", "界桩编号", "类型", "所在界线", "X（m）", "Y（m）", "经度（°）", "纬度（°）", "高程（m）", "点位中误差（m）", "观测次数", "测量日期", "偏离界线（m）", "状态"]
               : ["No.", "Marker", "Type", "Line", "X northing (m)", "Y easting (m)", "Longitude (°)", "Latitude (°)", "Height (m)", "σ mean (m)", "Occupations", "Date", "Offset (m)", "Status"],
            rows.ToImmutable());
    }

    private static IEnumerable<RegisterTable> LineTables(BoundaryTopology topology, SurveyComparison comparison, Dictionary<string, MarkerOffset> offsets,
        Dictionary<string, MarkerEstimate> estimates, CoordinateTransformer toGrid, bool zh)
    {
        var nodes = topology.Nodes.ToDictionary(n => n.Id);
        var lines = topology.Lines.ToDictionary(l => l.Id);
        var points = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var course = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var progress in comparison.Lines)
        {
            var line = lines[progress.Id];
            var planeLength = PlaneLength(line, toGrid);
            var scale = planeLength > 0 ? line.LengthMeters / planeLength : 1;
            var start = nodes[line.StartNode].Geometry;
            var end = nodes[line.EndNode].Geometry;
            var sequence = new List<(string Name, string Kind, double Lon, double Lat, double Along)>
            {
                ("J" + line.StartNode.ToString(CultureInfo.InvariantCulture), zh ? "端点" : "node", start.X, start.Y, 0),
            };
            foreach (var o in offsets.Values.Where(o => o.LineId == line.Id && o.AlongMeters is not null).OrderBy(o => o.AlongMeters))
            {
                var e = estimates[o.Id];
                sequence.Add((o.Id, zh ? "界桩" : "marker", e.Longitude!.Value, e.Latitude!.Value, o.AlongMeters!.Value));
            }
            sequence.Add(("J" + line.EndNode.ToString(CultureInfo.InvariantCulture), zh ? "端点" : "node", end.X, end.Y, planeLength));
            var n = 0;
            foreach (var p in sequence)
            {
                var (y, x) = toGrid.Transform(p.Lon, p.Lat);
                points.Add([progress.Code, F(++n, "0"), p.Name, p.Kind, F(x, "0.000"), F(y, "0.000"), F(p.Lon, "0.000000000"), F(p.Lat, "0.000000000")]);
            }
            for (var i = 0; i + 1 < sequence.Count; i++)
            {
                var (a, b) = (sequence[i], sequence[i + 1]);
                var azimuth = CompassPoint.AzimuthDegrees(a.Lon, a.Lat, b.Lon, b.Lat);
                var straight = EllipsoidalMeasure.DistanceMeters(a.Lon, a.Lat, b.Lon, b.Lat);
                var along = Math.Max(0, b.Along - a.Along) * scale;
                var direction = double.IsNaN(azimuth) ? "" : zh ? CompassPoint.ChineseName(azimuth) : CompassPoint.EnglishName(azimuth);
                var text = zh
                    ? string.Create(CultureInfo.InvariantCulture, $"自{a.Name}起，向{direction}方向沿界线行{along:0.0}米（直线距离{straight:0.0}米）至{b.Name}")
                    : string.Create(CultureInfo.InvariantCulture, $"From {a.Name} {direction} along the line {along:0.0} m (straight {straight:0.0} m) to {b.Name}");
                course.Add([progress.Code, a.Name, b.Name, direction, F(azimuth, "0.00"), F(straight, "0.00"), F(along, "0.00"), text]);
            }
        }
        yield return new RegisterTable("boundary-points", zh ? "边界点成果表" : "Boundary points",
            zh ? ["界线编号", "序号", "点号", "点类型", "X（m）", "Y（m）", "经度（°）", "纬度（°）"]
               : ["Line", "No.", "Point", "Kind", "X northing (m)", "Y easting (m)", "Longitude (°)", "Latitude (°)"], points.ToImmutable());
        yield return new RegisterTable("course", zh ? "界线走向说明" : "Course description",
            zh ? ["界线编号", "起点", "止点", "方向", "方位角（°）", "直线距离（m）", "沿线长度（m）", "走向说明"]
               : ["Line", "From", "To", "Direction", "Azimuth (°)", "Straight (m)", "Along the line (m)", "Description"], course.ToImmutable());
    }

    private static double PlaneLength(BoundaryLine line, CoordinateTransformer toGrid)
    {
        var total = 0.0;
        var c = line.Geometry.Coordinates;
        var prev = toGrid.Transform(c[0].X, c[0].Y);
        for (var i = 1; i < c.Length; i++)
        {
            var next = toGrid.Transform(c[i].X, c[i].Y);
            total += Math.Sqrt((next.X - prev.X) * (next.X - prev.X) + (next.Y - prev.Y) * (next.Y - prev.Y));
            prev = next;
        }
        return total;
    }

    private static string Type(MarkerNumber? number, bool zh) => number?.Arrangement switch
    {
        MarkerArrangement.Single => zh ? "单立" : "single",
        MarkerArrangement.Double => zh ? "双立" : "double",
        MarkerArrangement.Triple => zh ? "三立" : "triple",
        _ => "",
    };

    private static string F(double? value, string format) =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "";
}
