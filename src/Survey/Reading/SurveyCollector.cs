using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Survey.Model;

namespace Boundaries.Survey.Reading;

/// <summary>
/// Where readers put what they find: points go to a list or a callback (streaming, constant memory), issues are
/// kept up to a cap and always counted, records are counted by type.
/// </summary>
internal sealed class SurveyCollector(SurveyReadOptions options, Action<SurveyPoint>? onPoint)
{
    private readonly List<SurveyPoint>? points = onPoint is null ? [] : null;
    private readonly List<SurveyIssue> issues = [];
    private readonly List<StationObservation> observations = [];
    private readonly long[] byQuality = new long[Enum.GetValues<FixQuality>().Length];
    private readonly long[] byCode = new long[32];
    private readonly Dictionary<int, long> packedTypes = [];
    private readonly Dictionary<string, long> namedTypes = new(StringComparer.Ordinal);
    private long pointCount;
    private long rejected;
    private long notKept;

    public SurveyReadOptions Options { get; } = options;

    public long Lines { get; set; }

    public void Point(SurveyPoint point)
    {
        pointCount++;
        byQuality[(int)point.Quality]++;
        if (points is not null)
        {
            points.Add(point);
        }
        else
        {
            onPoint!(point);
        }
    }

    public void Observation(StationObservation observation) => observations.Add(observation);

    public void Issue(SurveyIssueCode code, IssueSeverity severity, string message, long line, string? field = null)
    {
        byCode[(int)code]++;
        if (severity == IssueSeverity.Error)
        {
            rejected++;
        }
        if (issues.Count < Options.MaxIssuesKept)
        {
            issues.Add(new SurveyIssue(code, severity, message, line, field));
        }
        else
        {
            notKept++;
        }
    }

    /// <summary>Counts a record whose type is packed in an int (up to four ASCII bytes), without a string per line.</summary>
    public void RecordPacked(int packedType) => packedTypes[packedType] = packedTypes.GetValueOrDefault(packedType) + 1;

    public void Record(string type) => namedTypes[type] = namedTypes.GetValueOrDefault(type) + 1;

    public ImportResult Result(string? source, SurveyFormat format, CrsCode? crs)
    {
        var types = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in namedTypes)
        {
            types[key] = value;
        }
        foreach (var (key, value) in packedTypes)
        {
            var name = Unpack(key);
            types[name] = types.GetValueOrDefault(name) + value;
        }
        var codes = ImmutableSortedDictionary.CreateBuilder<SurveyIssueCode, long>();
        for (var i = 0; i < byCode.Length; i++)
        {
            if (byCode[i] > 0)
            {
                codes[(SurveyIssueCode)i] = byCode[i];
            }
        }
        var qualities = ImmutableSortedDictionary.CreateBuilder<FixQuality, long>();
        for (var i = 0; i < byQuality.Length; i++)
        {
            if (byQuality[i] > 0)
            {
                qualities[(FixQuality)i] = byQuality[i];
            }
        }
        var counts = new ImportCounts(Lines, pointCount, rejected, codes.ToImmutable(), qualities.ToImmutable(), types.ToImmutable(), notKept);
        var batch = new SurveyBatch(source, format, crs, points is null ? [] : [.. points]) { Observations = [.. observations] };
        return new ImportResult(batch, [.. issues], counts);
    }

    public static int Pack(ReadOnlySpan<byte> type)
    {
        var key = 0;
        for (var i = 0; i < type.Length && i < 4; i++)
        {
            key = (key << 8) | type[i];
        }
        return key;
    }

    private static string Unpack(int key)
    {
        Span<char> chars = stackalloc char[4];
        var n = 0;
        for (var shift = 24; shift >= 0; shift -= 8)
        {
            var b = (key >> shift) & 0xFF;
            if (b != 0 || n > 0)
            {
                chars[n++] = (char)b;
            }
        }
        return new string(chars[..n]);
    }
}
