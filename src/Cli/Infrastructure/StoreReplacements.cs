using Boundaries.Geo.Model;
using Boundaries.Store;

namespace Boundaries.Cli.Infrastructure;

/// <summary>
/// New versions of divisions written to a store as one change set, each replacing the version in force on the
/// effective date (that version then ends the day before, so it stays queryable by date). Used by every verb that
/// changes boundaries with <c>--store</c> (enclaves apply, survey conflate). A division whose code changed (listed in
/// <c>renamed</c>, new code → old) retires the old code and creates the new one in the same change set; a code in
/// <c>retired</c> (a division merged into another) has its version in force closed on the date, with no replacement.
/// </summary>
internal static class StoreReplacements
{
    /// <summary>
    /// Exit code and the change set's id (null when nothing was written). <paramref name="notStored"/> words the
    /// refusal when a division has no version in force (arguments: code, store location).
    /// </summary>
    public static (int Exit, long? Id) Write(CliContext context, string connection, IReadOnlyList<Division> changed, string author, string reason,
        DateOnly date, Func<string, string, string> notStored, IReadOnlyDictionary<string, string>? renamed = null,
        IReadOnlyList<string>? retired = null)
    {
        IBoundaryStore opened;
        try
        {
            opened = BoundaryStore.Open(connection);
        }
        catch (ArgumentException e)
        {
            context.Error.WriteLine(context.Text["error.usage", e.Message]);
            return (ExitCodes.Usage, null);
        }
        try
        {
            var changes = new List<DivisionChange>();
            foreach (var d in changed)
            {
                if (renamed is not null && renamed.TryGetValue(d.Code, out var oldCode))
                {
                    // a division that changed code (a township carried into another district): the old code ends, the new one starts
                    var old = opened.GetDivisionAsync(oldCode, date).GetAwaiter().GetResult();
                    if (old is null)
                    {
                        context.Error.WriteLine(notStored(oldCode, opened.Location));
                        return (ExitCodes.Usage, null);
                    }
                    changes.Add(new DivisionChange(oldCode, old.VersionId, null));
                    changes.Add(new DivisionChange(d.Code, null, d));
                    continue;
                }
                var stored = opened.GetDivisionAsync(d.Code, date).GetAwaiter().GetResult();
                if (stored is null)
                {
                    context.Error.WriteLine(notStored(d.Code, opened.Location));
                    return (ExitCodes.Usage, null);
                }
                changes.Add(new DivisionChange(d.Code, stored.VersionId, d));
            }
            foreach (var code in retired ?? [])
            {
                // a division that ends (merged into its host): its version in force is closed, no replacement
                var stored = opened.GetDivisionAsync(code, date).GetAwaiter().GetResult();
                if (stored is null)
                {
                    context.Error.WriteLine(notStored(code, opened.Location));
                    return (ExitCodes.Usage, null);
                }
                changes.Add(new DivisionChange(code, stored.VersionId, null));
            }
            var receipt = opened.ApplyAsync(new ChangeSet(author, reason, date, [.. changes])).GetAwaiter().GetResult();
            context.Error.WriteLine(context.Text["store.receipt", receipt.ChangeSetId, receipt.Created, receipt.Replaced, receipt.Retired, receipt.Unchanged]);
            return (ExitCodes.Ok, receipt.ChangeSetId);
        }
        catch (StoreDataException e)
        {
            context.Error.WriteLine(context.Text["store.rejected", opened.Location, e.Message]);
            return (ExitCodes.Usage, null);
        }
        catch (ConcurrencyConflictException e)
        {
            context.Error.WriteLine(context.Text["store.conflict", e.Message]);
            return (ExitCodes.Findings, null);
        }
        catch (StoreUnavailableException e)
        {
            context.Error.WriteLine(context.Text["error.usage", e.Message]);
            return (ExitCodes.Environment, null);
        }
        finally
        {
            opened.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
