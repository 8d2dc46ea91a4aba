using System.CommandLine;
using Boundaries.Cli.Commands;
using Boundaries.Cli.Infrastructure;

namespace Boundaries.Cli;

/// <summary>The <c>boundaries</c> command: the root, its verbs, and the usage-error rule (exit 2).</summary>
internal static class BoundariesApp
{
    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Boundaries: administrative boundaries toolkit / 行政区域界线工具")
        {
            GlobalOptions.Lang,
            GlobalOptions.Format,
        };
        foreach (var verb in Verbs(output, error))
        {
            root.Add(verb);
        }
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var lang = Localizer.ParseLanguage(parse.GetValue(GlobalOptions.Lang)) ?? Localizer.FromEnvironment();
            var text = new Localizer(lang);
            foreach (var e in parse.Errors)
            {
                error.WriteLine(text["error.usage", e.Message]);
            }
            error.WriteLine(text["hint.help"]);
            return ExitCodes.Usage;
        }
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    private static IEnumerable<Command> Verbs(TextWriter output, TextWriter error) =>
    [
        SynthCommand.Create(output, error),
        RenderCommand.Create(output, error),
        InfoCommand.Create(output, error),
        ConvertCommand.Create(output, error),
        NormalizeCommand.Create(output, error),
        StoreCommand.Create(output, error),
        VectorizeCommand.Create(output, error),
        CleanCommand.Create(output, error),
        SimplifyCommand.Create(output, error),
        SurveyCommand.Create(output, error),
        LocateCommand.Create(output, error),
        ServeCommand.Create(output, error),
        KeysCommand.Create(output, error),
        ValidateCommand.Create(output, error),
        TopologyCommand.Create(output, error),
        EnclavesCommand.Create(output, error),
    ];
}
