using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Geo.Topology;
using Boundaries.Survey.Compare;
using Boundaries.Survey.Markers;

namespace Boundaries.Survey.Generate;

/// <summary>
/// Generates a field-survey campaign over divisions, deterministic from the seed: markers (界桩) along the internal
/// lines of a level (about one per 1.5 km, Q; on some lines a double A/B; at tri-junctions a triple C/D/E, one on each
/// of three lines 10 m from the junction), each measured 2–4 times RTK fixed (σ 1.5 cm per axis) and sometimes once
/// more in float (which a marker gate rejects), every 20th set out of place by 0.8–3 m across the line; and NMEA
/// walk logs (GGA, RMC, GST at 1 Hz, one file per district) along most lines: RTK fixed (σ 1.5 cm per axis) with
/// float (σ 0.2 m), DGPS (σ 0.7 m) and no-fix stretches, some lines partly walked and about one in eight not at all.
/// </summary>
public static class SurveyGenerator
{
    private const double TripleOffsetMeters = 10;
    private const double DoubleSpacingMeters = 5;

    /// <summary>Generates the campaign for <paramref name="divisions"/> (lon/lat or Gauss-Krüger metres).</summary>
    public static GeneratedSurvey Generate(DivisionSet divisions, SurveyGenerationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        options ??= new SurveyGenerationOptions();
        var topology = EdgeTopology.Build(divisions);
        var internalLines = topology.Lines.Where(l => l.Level == options.Level && l.Left is not null && l.Right is not null).ToList();
        var metric = new MetricLines(internalLines);
        var plans = new List<LinePlan>();
        for (var i = 0; i < internalLines.Count; i++)
        {
            plans.Add(PlanLine(i, internalLines[i], metric, options));
        }
        AddTriples(topology, internalLines, metric, plans);

        var markerCsv = new StringBuilder("name,code,lon,lat,h,quality,sigma,time\n");
        var markers = ImmutableArray.CreateBuilder<MarkerTruth>();
        var markerRandom = new Random(Seed(options.Seed, 1_000_003));
        var markerCount = 0;
        foreach (var plan in plans)
        {
            var sequence = 1;
            foreach (var place in plan.Places.OrderBy(p => p.Order))
            {
                var letters = MarkerNumber.LettersOf(place.Arrangement);
                for (var k = 0; k < letters.Length; k++)
                {
                    var number = new MarkerNumber(plan.Code, sequence, letters[k]).ToString();
                    var (line, along) = place.Positions[k];
                    markers.Add(SetMarker(number, line, along, metric, markerCount++, markerRandom, options, markerCsv));
                }
                sequence++;
            }
        }

        var files = ImmutableArray.CreateBuilder<GeneratedSurveyFile>();
        files.Add(new GeneratedSurveyFile("markers.csv", markerCsv.ToString()));
        var day = 0;
        foreach (var group in plans.Where(p => p.Walk.Length > 0).GroupBy(p => p.Code[..6]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var writer = new NmeaWalkWriter(metric, new Random(Seed(options.Seed, 7919 + day)),
                options.StartDate.AddDays(day).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc));
            foreach (var plan in group)
            {
                writer.Walk(plan.Index, plan.Walk, options.WalkSpeedMetersPerSecond);
            }
            files.Add(new GeneratedSurveyFile($"walk-{group.Key}.nmea", writer.Text));
            day++;
        }
        var lines = plans.Select(p => new LineTruth(p.Line.Id, p.Code, p.Line.Left, p.Line.Right, p.WalkKind,
            Math.Round(p.VerifiedMeters / metric.PlaneLength(p.Index), 6), Math.Round(p.DegradedMeters, 3))).ToImmutableArray();
        return new GeneratedSurvey(files.ToImmutable(),
            new SurveyTruth(options.Seed, options.MarkerToleranceMeters, lines, [.. markers.OrderBy(m => m.Number, StringComparer.Ordinal)]));
    }

    private static LinePlan PlanLine(int index, BoundaryLine line, MetricLines metric, SurveyGenerationOptions options)
    {
        var random = new Random(Seed(options.Seed, line.Id));
        var length = metric.PlaneLength(index);
        var plan = new LinePlan(index, line, LineCodes.Of(line));
        // markers: about one per 1.5 km, none on lines under 400 m (their ends carry the triples)
        var count = length < 400 ? 0 : Math.Max(1, (int)Math.Round(length / 1500));
        var doubleAt = count > 0 && random.NextDouble() < 0.2 ? random.Next(count) : -1;
        for (var i = 0; i < count; i++)
        {
            var s = (i + 0.5) * length / count;
            plan.Places.Add(i == doubleAt
                ? new Place(s, MarkerArrangement.Double, [(index, s - DoubleSpacingMeters), (index, s + DoubleSpacingMeters)])
                : new Place(s, MarkerArrangement.Single, [(index, s)]));
        }
        // walk: about 1 in 8 lines not walked, some partly, the rest end to end
        var roll = random.NextDouble();
        double from = 0, to = length;
        if (roll < 0.12)
        {
            plan.WalkKind = "none";
            return plan;
        }
        if (length > 300 && roll < 0.27)
        {
            var share = 0.3 + random.NextDouble() * 0.5;
            (from, to) = random.NextDouble() < 0.5 ? (0, share * length) : ((1 - share) * length, length);
            plan.WalkKind = "partial";
        }
        var stretches = new List<Stretch>();
        var walked = to - from;
        if (walked > 600)
        {
            for (var third = 0; third < 3; third++)
            {
                var q = random.NextDouble();
                var quality = q < 0.2 ? WalkQuality.Dgps : q < 0.35 ? WalkQuality.NoFix : q < 0.6 ? WalkQuality.Float : WalkQuality.Fixed;
                var size = Math.Min(60 + random.NextDouble() * 90, walked / 6);
                var start = from + third * walked / 3 + random.NextDouble() * (walked / 3 - size);
                if (quality != WalkQuality.Fixed)
                {
                    stretches.Add(new Stretch(start, start + size, quality));
                }
            }
        }
        plan.Walk = [new WalkSegment(from, to, [.. stretches])];
        plan.DegradedMeters = stretches.Where(s => s.Quality is WalkQuality.Dgps or WalkQuality.NoFix).Sum(s => s.To - s.From);
        plan.VerifiedMeters = walked - plan.DegradedMeters;
        return plan;
    }

    private static void AddTriples(BoundaryTopology topology, List<BoundaryLine> lines, MetricLines metric, List<LinePlan> plans)
    {
        var byNode = new Dictionary<int, List<(int Index, bool AtStart)>>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (metric.PlaneLength(i) < 4 * TripleOffsetMeters)
            {
                continue;
            }
            foreach (var (node, atStart) in new[] { (lines[i].StartNode, true), (lines[i].EndNode, false) })
            {
                if (!byNode.TryGetValue(node, out var list))
                {
                    byNode[node] = list = [];
                }
                list.Add((i, atStart));
            }
        }
        foreach (var node in topology.TriJunctions.OrderBy(n => n.Id))
        {
            if (!byNode.TryGetValue(node.Id, out var incident) || incident.Count < 3)
            {
                continue;
            }
            var three = incident.OrderBy(x => lines[x.Index].Id).Take(3).ToList();
            var owner = three[0];
            var positions = three.Select(x => (x.Index, x.AtStart ? TripleOffsetMeters : metric.PlaneLength(x.Index) - TripleOffsetMeters)).ToImmutableArray();
            plans[owner.Index].Places.Add(new Place(owner.AtStart ? -1 : metric.PlaneLength(owner.Index) + 1, MarkerArrangement.Triple, positions));
        }
    }

    private static MarkerTruth SetMarker(string number, int line, double along, MetricLines metric, int ordinal, Random random,
        SurveyGenerationOptions options, StringBuilder csv)
    {
        var (e, n, dx, dy) = metric.PointAt(line, along);
        var offset = 0.0;
        if (ordinal % 20 == 3)
        {
            // set out of place across the line: left is (-dy, dx)
            offset = (random.NextDouble() < 0.5 ? -1 : 1) * (0.8 + random.NextDouble() * 2.2);
            e += -dy * offset;
            n += dx * offset;
        }
        var (lon, lat) = metric.ToLonLat.Transform(e, n);
        var height = 2 + random.NextDouble() * 6;
        var occupations = 2 + random.Next(3);
        var time = options.StartDate.AddDays(random.Next(30)).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc).AddSeconds(ordinal * 7 % 20000);
        var inv = CultureInfo.InvariantCulture;
        void Occupation(int quality, double sigmaPerAxis)
        {
            var (oe, on) = (e + Gauss(random) * sigmaPerAxis, n + Gauss(random) * sigmaPerAxis);
            var (olon, olat) = metric.ToLonLat.Transform(oe, on);
            csv.Append(inv, $"{number},JZ,{olon:0.000000000},{olat:0.000000000},{height + Gauss(random) * sigmaPerAxis * 2:0.000},{quality},{sigmaPerAxis * Math.Sqrt(2):0.000},{time:yyyy-MM-ddTHH:mm:ssZ}\n");
            time = time.AddSeconds(60);
        }
        for (var k = 0; k < occupations; k++)
        {
            Occupation(4, 0.015);
        }
        var extraFloat = random.NextDouble() < 0.1;
        if (extraFloat)
        {
            Occupation(5, 0.2);
        }
        return new MarkerTruth(number, metric.Lines[line].Id, Math.Round(lon, 10), Math.Round(lat, 10), Math.Round(offset, 4),
            Math.Abs(offset) > options.MarkerToleranceMeters, occupations + (extraFloat ? 1 : 0));
    }

    internal static double Gauss(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static int Seed(long seed, int salt) => (int)((seed * 1_000_003L + salt * 7_919L) % int.MaxValue);

    private sealed class LinePlan(int index, BoundaryLine line, string code)
    {
        public int Index { get; } = index;

        public BoundaryLine Line { get; } = line;

        public string Code { get; } = code;

        public List<Place> Places { get; } = [];

        public ImmutableArray<WalkSegment> Walk { get; set; } = [];

        public string WalkKind { get; set; } = "full";

        public double VerifiedMeters { get; set; }

        public double DegradedMeters { get; set; }
    }

    private sealed record Place(double Order, MarkerArrangement Arrangement, ImmutableArray<(int Line, double Along)> Positions);
}
