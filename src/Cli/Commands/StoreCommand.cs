using System.CommandLine;
using Boundaries.Cli.Infrastructure;
using Boundaries.Store;

namespace Boundaries.Cli.Commands;

/// <summary>
/// <c>boundaries store init|push|pull|history</c>: the division store (a .gpkg file or a PostgreSQL connection string).
/// Also holds what the four verbs share: the <c>--store</c> option and the mapping of store failures to exit codes.
/// </summary>
internal static class StoreCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("store", "Division store: GeoPackage file or PostGIS / 区划库（GeoPackage 文件或 PostGIS）")
        {
            StoreInitCommand.Create(output, error),
            StorePushCommand.Create(output, error),
            StorePullCommand.Create(output, error),
            StoreHistoryCommand.Create(output, error),
        };
        return command;
    }

    public static Option<string> StoreOption() => new("--store")
    {
        Description = "a .gpkg path or Host=…;Port=…;Username=…;Database=… / 区划库：.gpkg 路径或 PostgreSQL 连接串",
        Required = true,
    };

    /// <summary>Runs a store verb: a store refusing data → 2, a conflict with another writer → 1, the store unreachable → 3.</summary>
    public static int Run(ParseResult parse, TextWriter output, TextWriter error, Option<string> store, Func<CliContext, IBoundaryStore, int> body) =>
        VerbRunner.Run(parse, output, error, (context, p) =>
        {
            IBoundaryStore opened;
            try
            {
                opened = BoundaryStore.Open(p.GetValue(store)!);
            }
            catch (ArgumentException e)
            {
                context.Error.WriteLine(context.Text["error.usage", e.Message]);
                return ExitCodes.Usage;
            }
            try
            {
                return body(context, opened);
            }
            catch (StoreDataException e)
            {
                context.Error.WriteLine(context.Text["store.rejected", opened.Location, e.Message]);
                return ExitCodes.Usage;
            }
            catch (ConcurrencyConflictException e)
            {
                context.Error.WriteLine(context.Text["store.conflict", e.Message]);
                return ExitCodes.Findings;
            }
            finally
            {
                opened.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });
}
