using System.CommandLine;
using Boundaries.Geo.Formats;

namespace Boundaries.Cli.Infrastructure;

/// <summary>
/// Runs one verb's body and turns what it throws into a message in the person's language and an exit code:
/// unusable input → 2 (the message says file, feature and field), a failing environment → 3.
/// </summary>
internal static class VerbRunner
{
    public static int Run(ParseResult parse, TextWriter output, TextWriter error, Func<CliContext, ParseResult, int> body)
    {
        var lang = Localizer.ParseLanguage(parse.GetValue(GlobalOptions.Lang)) ?? Localizer.FromEnvironment();
        var context = new CliContext(output, error, new Localizer(lang));
        try
        {
            return body(context, parse);
        }
        catch (ImportLimitException ex)
        {
            error.WriteLine(ex.Kind == ImportLimitKind.FileSize
                ? context.Text["error.import_limit.file", ex.Path ?? "-", ex.Limit]
                : context.Text["error.import_limit.line", ex.Path ?? "-", ex.Line, ex.Limit]);
            return ExitCodes.Usage;
        }
        catch (BoundariesFormatException ex)
        {
            error.WriteLine(context.Text["error.input", Where(context, ex), ex.Reason]);
            return ExitCodes.Usage;
        }
        catch (FileNotFoundException ex)
        {
            error.WriteLine(context.Text["error.not_found", ex.FileName ?? ex.Message]);
            return ExitCodes.Usage;
        }
        catch (DirectoryNotFoundException ex)
        {
            error.WriteLine(context.Text["error.not_found", ex.Message]);
            return ExitCodes.Usage;
        }
        catch (FormatException ex)
        {
            error.WriteLine(context.Text["error.usage", ex.Message]);
            return ExitCodes.Usage;
        }
        catch (ArgumentException ex)
        {
            // The library's argument checks reach here only through what the user typed (an unknown extension …).
            error.WriteLine(context.Text["error.usage", ex.Message]);
            return ExitCodes.Usage;
        }
        catch (Geo.Gdal.GdalUnavailableException ex)
        {
            error.WriteLine(context.Text["error.gdal_missing", ex.Path ?? "-", ex.Library]);
            return ExitCodes.Environment;
        }
                catch (UnauthorizedAccessException ex)
        {
            error.WriteLine(context.Text["error.environment", ex.Message]);
            return ExitCodes.Environment;
        }
        catch (Boundaries.Store.StoreUnavailableException ex) when (ex.DiskFull)
        {
            error.WriteLine(context.Text["store.disk_full", ex.Location, ex.InnerException?.Message ?? ex.Message]);
            return ExitCodes.Environment;
        }
        catch (IOException ex)
        {
            error.WriteLine(context.Text["error.environment", ex.Message]);
            return ExitCodes.Environment;
        }
    }

    private static string Where(CliContext context, BoundariesFormatException ex)
    {
        var parts = new List<string>(4);
        if (ex.Path is not null)
        {
            parts.Add(ex.Path);
        }
        if (ex.Line is not null)
        {
            parts.Add(context.Text["where.line", ex.Line]);
        }
        if (ex.Feature is not null)
        {
            parts.Add(context.Text["where.feature", ex.Feature]);
        }
        if (ex.Field is not null)
        {
            parts.Add(context.Text["where.field", ex.Field]);
        }
        return string.Join(context.Text.Language == Language.Chinese ? "，" : ", ", parts);
    }
}
