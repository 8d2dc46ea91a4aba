using System.Collections.Immutable;
using Boundaries.Geo.Model;
using Boundaries.Geo.Validation;
using Boundaries.Store.Lines;
using Boundaries.Store.Survey;

namespace Boundaries.Store;

/// <summary>
/// A store of administrative divisions kept as legal records: every version of a division is kept with its validity
/// period (valid-from inclusive, valid-to exclusive), every write is a change set that names its author, reason and
/// effective date, and every change of a division is written to the audit log with the versions before and after.
/// A write lands whole or not at all. Geometries are CGCS2000 lon/lat (EPSG:4490).
/// Two implementations behave the same: <see cref="GeoPackage.GeoPackageBoundaryStore"/> (a single file, the embedded
/// default) and <see cref="PostGis.PostGisBoundaryStore"/>; <see cref="BoundaryStore.Open"/> picks one from a connection text.
/// </summary>
public interface IBoundaryStore : IAsyncDisposable
{
    /// <summary>Where the store lives, for messages (a file path, or host/port/database without credentials).</summary>
    string Location { get; }

    /// <summary>Creates the store, or upgrades its schema to the newest version; does nothing when it is up to date.</summary>
    /// <exception cref="StoreUnavailableException">The file or database cannot be reached.</exception>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads <paramref name="divisions"/> as one change set. Each division becomes a new version valid from its own
    /// <see cref="Division.ValidFrom"/>, else <see cref="ChangeSetInfo.EffectiveDate"/>, else since always. A division whose
    /// code has a version in force that differs closes that version on the new valid-from date; one equal to the version in
    /// force (code, name, level, parent, geometry vertex for vertex, attributes) is left alone. Divisions absent from the
    /// set are not touched (retire them with <see cref="ApplyAsync"/>).
    /// </summary>
    /// <param name="divisions">The divisions; the set must be in EPSG:4490.</param>
    /// <param name="info">Author, reason and effective date of the load.</param>
    /// <param name="cancellationToken">Cancels the load; nothing is kept.</param>
    /// <returns>The change set written and counts of what it did.</returns>
    /// <exception cref="ArgumentException">The set is not in EPSG:4490.</exception>
    /// <exception cref="StoreDataException">A division cannot be stored (empty code, not polygonal, a code twice, a
    /// replacement that does not start after the version in force); nothing is kept.</exception>
    /// <exception cref="ConcurrencyConflictException">Another writer changed one of the same divisions meanwhile; nothing is kept.</exception>
    Task<ChangeSetReceipt> ImportAsync(DivisionSet divisions, ChangeSetInfo info, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies an edit: each <see cref="DivisionChange"/> closes the version it was based on at the change set's effective
    /// date and opens its replacement (or none, to retire the division). Optimistic concurrency: when the version a change
    /// names is no longer the one in force, the whole change set is refused with <see cref="ConcurrencyConflictException"/>
    /// and nothing is written.
    /// </summary>
    /// <exception cref="StoreDataException">A replacement cannot be stored or the effective date is not after the base version's start.</exception>
    /// <exception cref="ConcurrencyConflictException">A base version is stale.</exception>
    Task<ChangeSetReceipt> ApplyAsync(ChangeSet changeSet, CancellationToken cancellationToken = default);

    /// <summary>
    /// The divisions in force on <paramref name="at"/> (today, UTC, when <c>null</c>), of one level or all, ordered by level
    /// then code. Empty when none was in force.
    /// </summary>
    Task<ImmutableArray<StoredDivision>> GetDivisionsAsync(DateOnly? at = null, DivisionLevel? level = null, CancellationToken cancellationToken = default);

    /// <summary>The version of <paramref name="code"/> in force on <paramref name="at"/> (today when <c>null</c>); <c>null</c> when none.</summary>
    Task<StoredDivision?> GetDivisionAsync(string code, DateOnly? at = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every version of <paramref name="code"/>, oldest first, with the change sets that opened and closed them.
    /// Empty versions when the store never held the code.
    /// </summary>
    Task<DivisionHistory> GetHistoryAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>The audit log, oldest first: every entry, or those of one change set.</summary>
    Task<ImmutableArray<AuditEntry>> GetAuditAsync(long? changeSetId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="onChange"/> after each change set another connection or process commits (PostGIS: LISTEN on
    /// <c>boundaries_changed</c>; GeoPackage: the file is polled). The callback runs on a background thread and must not
    /// block. Dispose the subscription to stop.
    /// </summary>
    Task<IAsyncDisposable> SubscribeAsync(Action<StoreChange> onChange, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every version of every division of every date (the in-memory locator answers "as on a date" from them), ordered by
    /// level, code and valid-from.
    /// </summary>
    Task<ImmutableArray<StoredDivision>> GetAllVersionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a topology build (boundary lines and nodes of the levels it holds) as one change set: a line equal to its
    /// version in force is left alone, a changed line is closed and replaced on <see cref="ChangeSetInfo.EffectiveDate"/>, a
    /// new one created, and a line of a rebuilt level that the build no longer has is retired. Nodes of a level are replaced
    /// as a whole when they differ. Replacing or retiring needs an effective date after the version in force began.
    /// </summary>
    /// <exception cref="StoreDataException">A line cannot be stored or a date is missing or too early; nothing is kept.</exception>
    Task<ChangeSetReceipt> SaveTopologyAsync(TopologyRecords topology, ChangeSetInfo info, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies an edit of boundary lines with optimistic concurrency: when the version a change names is no longer the one
    /// in force (another official saved an edit of the same line first), the whole change set is refused with
    /// <see cref="ConcurrencyConflictException"/> and nothing is written.
    /// </summary>
    /// <exception cref="StoreDataException">A replacement cannot be stored or the effective date is not after the base version's start.</exception>
    /// <exception cref="ConcurrencyConflictException">A base version is stale, or a created line already exists.</exception>
    Task<ChangeSetReceipt> ApplyLinesAsync(LineChangeSet changeSet, CancellationToken cancellationToken = default);

    /// <summary>The lines in force on <paramref name="at"/> (today when <c>null</c>), of one level or all, by level then code.</summary>
    Task<ImmutableArray<StoredLine>> GetLinesAsync(DateOnly? at = null, DivisionLevel? level = null, CancellationToken cancellationToken = default);

    /// <summary>Every version of line <paramref name="code"/>, oldest first, with the change sets that opened and closed them.</summary>
    Task<LineHistory> GetLineHistoryAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>The nodes in force on <paramref name="at"/> (today when <c>null</c>), of one level or all.</summary>
    Task<ImmutableArray<StoredNode>> GetNodesAsync(DateOnly? at = null, DivisionLevel? level = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves marker positions as one change set: a marker whose number is new is created, one equal to the current position
    /// is left alone, and a different one supersedes the current position (kept, closed by this change set).
    /// </summary>
    /// <exception cref="StoreDataException">A marker has no number or line code, or a number twice; nothing is kept.</exception>
    Task<ChangeSetReceipt> SaveMarkersAsync(IReadOnlyList<MarkerRecord> markers, ChangeSetInfo info, CancellationToken cancellationToken = default);

    /// <summary>The current marker positions, of one line or all, by number.</summary>
    Task<ImmutableArray<StoredMarker>> GetMarkersAsync(string? lineCode = null, CancellationToken cancellationToken = default);

    /// <summary>Appends survey observations as one change set (receipt: Created = the count).</summary>
    Task<ChangeSetReceipt> AddObservationsAsync(IReadOnlyList<SurveyObservation> observations, ChangeSetInfo info, CancellationToken cancellationToken = default);

    /// <summary>The stored observations, all or those recorded under <paramref name="name"/>, in storing order.</summary>
    Task<ImmutableArray<StoredObservation>> GetObservationsAsync(string? name = null, CancellationToken cancellationToken = default);

    /// <summary>Stores the findings of one validation run as one change set (receipt: Created = the count).</summary>
    Task<ChangeSetReceipt> SaveFindingsAsync(IReadOnlyList<Finding> findings, ChangeSetInfo info, CancellationToken cancellationToken = default);

    /// <summary>The findings of one run, or of the latest run that stored any when <paramref name="changeSetId"/> is <c>null</c>; empty when none.</summary>
    Task<ImmutableArray<StoredFinding>> GetFindingsAsync(long? changeSetId = null, CancellationToken cancellationToken = default);
}
