using System.CommandLine;
using Boundaries.Cli.Infrastructure;

namespace Boundaries.Cli.Commands;

/// <summary><c>boundaries store init --store CONN</c>: creates the store or upgrades its schema.</summary>
internal static class StoreInitCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var store = StoreCommand.StoreOption();
        var command = new Command("init", "Create or upgrade a store / 创建或升级区划库") { store };
        command.SetAction(parse => StoreCommand.Run(parse, output, error, store, (context, s) =>
        {
            s.InitializeAsync().GetAwaiter().GetResult();
            context.Error.WriteLine(context.Text["store.ready", s.Location]);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
