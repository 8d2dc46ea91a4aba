using System.Collections.Immutable;
using Boundaries.Geo.Model;

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
}
