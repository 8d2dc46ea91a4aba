using System.Globalization;

namespace Boundaries.Cli.Infrastructure;

/// <summary>
/// Picks the language (<c>--lang zh-CN|en</c>, else <c>BOUNDARIES_LANG</c>, else <c>LANG</c>/<c>LC_ALL</c>
/// starting with <c>zh</c>, else English) and looks up the messages of <see cref="Messages"/>.
/// </summary>
internal sealed class Localizer(Language language)
{
    public Language Language { get; } = language;

    /// <summary>The message <paramref name="key"/> in this language, formatted with <paramref name="args"/>.</summary>
    public string this[string key, params object?[] args]
    {
        get
        {
            var (en, zh) = Messages.Get(key);
            var format = Language == Language.Chinese ? zh : en;
            return args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
        }
    }

    /// <summary>Reads a language name: <c>zh</c>, <c>zh-CN</c>, <c>zh_CN.UTF-8</c> → Chinese; <c>en…</c> → English.</summary>
    public static Language? ParseLanguage(string? text)
    {
        var s = text?.Trim().ToLowerInvariant() ?? "";
        if (s.StartsWith("zh", StringComparison.Ordinal))
        {
            return Language.Chinese;
        }
        if (s.StartsWith("en", StringComparison.Ordinal) || s is "c" or "posix" or "c.utf-8")
        {
            return Language.English;
        }
        return null;
    }

    /// <summary>The language when no <c>--lang</c> was given.</summary>
    public static Language FromEnvironment() =>
        ParseLanguage(System.Environment.GetEnvironmentVariable("BOUNDARIES_LANG"))
        ?? ParseLanguage(System.Environment.GetEnvironmentVariable("LC_ALL"))
        ?? ParseLanguage(System.Environment.GetEnvironmentVariable("LANG"))
        ?? Language.English;
}
