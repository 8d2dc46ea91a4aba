using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Survey.Compare;
using Boundaries.Viewer.Lines;
using Boundaries.Viewer.Sources;

namespace Boundaries.Viewer.Survey;

/// <summary>
/// The field survey the server compares with the lines: the files and folders given to <c>serve --survey</c> plus the
/// files uploaded since (kept in a private folder). Observations are read once per change of the file list; the
/// comparison is made once per loaded snapshot, level and observation read.
/// </summary>
internal sealed class SurveyCatalog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ImmutableArray<string> _given;
    private readonly List<string> _uploaded = [];
    private SurveyObservations? _observations;
    private ConditionalWeakTable<BoundarySnapshot, Dictionary<DivisionLevel, SurveyComparison>> _comparisons = [];

    public SurveyCatalog(IEnumerable<string> paths)
    {
        _given = [.. paths.Select(Path.GetFullPath)];
        UploadDirectory = Path.Combine(Path.GetTempPath(), "boundaries-uploads-" + Guid.NewGuid().ToString("N")[..8]);
    }

    /// <summary>Where uploaded survey files are kept while the server runs.</summary>
    public string UploadDirectory { get; }

    /// <summary>True when there is something to compare.</summary>
    public bool Any
    {
        get
        {
            lock (_gate)
            {
                return _given.Length > 0 || _uploaded.Count > 0;
            }
        }
    }

    public SurveyObservations Observations()
    {
        lock (_gate)
        {
            return _observations ??= SurveyObservationReader.Read([.. _given, .. _uploaded]);
        }
    }

    /// <summary>The comparison of the survey with the in-force lines of <paramref name="level"/> (same line ids as <c>/api/v1/lines</c>).</summary>
    public SurveyComparison Compare(BoundarySnapshot snapshot, DivisionLevel level)
    {
        var observations = Observations();
        Dictionary<DivisionLevel, SurveyComparison> byLevel;
        lock (_gate)
        {
            byLevel = _comparisons.GetValue(snapshot, _ => []);
        }
        lock (byLevel)
        {
            if (!byLevel.TryGetValue(level, out var comparison))
            {
                var set = new DivisionSet([.. LineTopologyCache.Current(snapshot.Locator.Divisions)], CrsCode.Cgcs2000);
                comparison = SurveyComparer.Compare(set, LineTopologyCache.For(snapshot), observations, new ComparisonOptions { Level = level });
                byLevel[level] = comparison;
            }
            return comparison;
        }
    }

    /// <summary>Keeps an uploaded file (its name reduced to a file name) and forgets the observations read so far.</summary>
    /// <returns>The path it was saved at.</returns>
    public async Task<string> AddAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        var safe = Path.GetFileName(name);
        if (string.IsNullOrWhiteSpace(safe) || safe.StartsWith('.'))
        {
            throw new ArgumentException("a file name such as walk.nmea is required", nameof(name));
        }
        Directory.CreateDirectory(UploadDirectory);
        var path = Path.Combine(UploadDirectory, Guid.NewGuid().ToString("N")[..6] + "-" + safe);
        try
        {
            await using var file = File.Create(path);
            await content.CopyToAsync(file, cancellationToken);
        }
        catch
        {
            File.Delete(path); // a refused or broken upload leaves nothing behind
            throw;
        }
        lock (_gate)
        {
            _uploaded.Add(path);
            _observations = null;
            _comparisons = [];
        }
        return path;
    }

    /// <summary>Forgets an uploaded file that could not be used (and deletes it), so the survey is as before the upload.</summary>
    public void Remove(string? path)
    {
        if (path is null)
        {
            return;
        }
        lock (_gate)
        {
            _uploaded.Remove(path);
            _observations = null;
            _comparisons = [];
        }
        File.Delete(path);
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(UploadDirectory))
            {
                Directory.Delete(UploadDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // a temporary folder; left behind only when something still holds it
        }
    }
}
