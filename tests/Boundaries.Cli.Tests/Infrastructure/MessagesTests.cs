using System.Text.RegularExpressions;
using Boundaries.Cli.Infrastructure;

namespace Boundaries.Cli.Tests.Infrastructure;

public sealed partial class MessagesTests
{
    [Fact]
    public void EveryMessageHasBothLanguagesWithTheSamePlaceholders()
    {
        foreach (var key in Messages.Keys)
        {
            var (en, zh) = Messages.Get(key);
            Assert.False(string.IsNullOrWhiteSpace(en), key);
            Assert.False(string.IsNullOrWhiteSpace(zh), key);
            Assert.Equal(Placeholders(en), Placeholders(zh));
        }
    }

    [Theory]
    [InlineData("zh_CN.UTF-8", "Chinese")]
    [InlineData("zh-CN", "Chinese")]
    [InlineData("en_US.UTF-8", "English")]
    [InlineData("C.UTF-8", "English")]
    public void ReadsLanguageNames(string text, string expected) => Assert.Equal(expected, Localizer.ParseLanguage(text)?.ToString());

    private static string[] Placeholders(string format) =>
        [.. PlaceholderPattern().Matches(format).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex PlaceholderPattern();
}
