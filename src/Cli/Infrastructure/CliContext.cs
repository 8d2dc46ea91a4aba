namespace Boundaries.Cli.Infrastructure;

/// <summary>
/// What every verb needs from the process: where results go (stdout: data only), where messages and progress go
/// (stderr), and the language for a person. Tests pass their own writers.
/// </summary>
internal sealed class CliContext(TextWriter output, TextWriter error, Localizer text)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public Localizer Text { get; } = text;

    /// <summary>Writes one progress line to stderr (plain lines: they stay readable when piped to a log).</summary>
    public void Progress(string key, params object?[] args) => Error.WriteLine("… " + Text[key, args]);
}
