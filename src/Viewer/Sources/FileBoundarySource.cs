using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;

namespace Boundaries.Viewer.Sources;

/// <summary>
/// Divisions read from a file (.gpkg, .geojson, .shp, .csv) with <see cref="DivisionImporter"/>, watched for
/// changes: replacing the file (write a temporary file, then rename over it) or rewriting it in place raises
/// <see cref="Changed"/> once the file has been quiet for <see cref="QuietPeriod"/>.
/// </summary>
public sealed class FileBoundarySource : IBoundarySource
{
    private readonly DivisionReadOptions? _readOptions;
    private readonly CrsCode? _from;
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _debounce;

    /// <summary>Watches <paramref name="path"/>; nothing is read until <see cref="LoadAsync"/>.</summary>
    /// <param name="path">The division file.</param>
    /// <param name="readOptions">Field map and encoding; <c>null</c> = defaults.</param>
    /// <param name="from">The file's coordinate system when it does not state one; <c>null</c> = stated or detected.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public FileBoundarySource(string path, DivisionReadOptions? readOptions = null, CrsCode? from = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _readOptions = readOptions;
        _from = from;
        _debounce = new Timer(_ => Changed?.Invoke(this, EventArgs.Empty));
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        _watcher = new FileSystemWatcher(directory, System.IO.Path.GetFileName(Path))
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, _) => Touch();
        _watcher.Created += (_, _) => Touch();
        _watcher.Renamed += (_, e) =>
        {
            if (string.Equals(e.FullPath, Path, StringComparison.Ordinal))
            {
                Touch();
            }
        };
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <summary>How long the file must be left alone before <see cref="Changed"/> is raised. Default 300 ms.</summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <inheritdoc />
    public string Description => Path;

    /// <inheritdoc />
    public event EventHandler? Changed;

    /// <inheritdoc />
    public Task<IReadOnlyList<Division>> LoadAsync(CancellationToken cancellationToken) =>
        Task.Run<IReadOnlyList<Division>>(() => DivisionImporter.Import(Path, _readOptions, _from).In(CrsCode.Cgcs2000).Divisions, cancellationToken);

    /// <inheritdoc />
    /// <remarks>A GeoPackage's <c>markers</c> layer (<see cref="Boundaries.Geo.Enclaves.MarkerLayer.InGeoPackage"/>); other files have none.</remarks>
    public Task<System.Collections.Immutable.ImmutableArray<Boundaries.Geo.Enclaves.BoundaryMarker>> LoadMarkersAsync(CancellationToken cancellationToken) =>
        Task.Run(() => Boundaries.Geo.Enclaves.MarkerLayer.InGeoPackage(Path) ?? [], cancellationToken);

    /// <inheritdoc />
    public bool CanSave => System.IO.Path.GetExtension(Path).ToLowerInvariant() is ".gpkg" or ".geojson" or ".json" or ".csv";

    /// <summary>The change log next to the file (<c>FILE.changes.jsonl</c>): one JSON line per saved change.</summary>
    public string ChangeLogPath => Path + ".changes.jsonl";

    /// <inheritdoc />
    /// <remarks>Writes the file atomically (<see cref="DivisionFiles.Write"/>; a GeoPackage keeps its point layers, <see cref="GeoPackagePointLayers"/>) in CGCS2000 lon/lat, then appends the change to <see cref="ChangeLogPath"/>.</remarks>
    public Task SaveAsync(IReadOnlyList<Division> divisions, BoundaryChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        ArgumentNullException.ThrowIfNull(change);
        if (!CanSave)
        {
            throw new NotSupportedException(Path + ": this format is read only");
        }
        return Task.Run(() =>
        {
            var set = new DivisionSet([.. divisions], CrsCode.Cgcs2000);
            if (System.IO.Path.GetExtension(Path).Equals(".gpkg", StringComparison.OrdinalIgnoreCase))
            {
                // a GeoPackage keeps its markers (and other point layers): the enclave options are scored against them
                GeoPackagePointLayers.WriteDivisionsKeeping(set, Path);
            }
            else
            {
                DivisionFiles.Write(set, Path);
            }
            var line = System.Text.Json.JsonSerializer.Serialize(change, Api.ViewerJson.Options);
            File.AppendAllText(ChangeLogPath, line + "\n");
        }, cancellationToken);
    }

    private void Touch() => _debounce.Change(QuietPeriod, Timeout.InfiniteTimeSpan);

    /// <summary>Stops watching.</summary>
    public void Dispose()
    {
        _watcher.Dispose();
        _debounce.Dispose();
    }
}
