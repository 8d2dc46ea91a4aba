using System.CommandLine;

namespace Boundaries.Cli.Infrastructure;

/// <summary>Options every verb accepts.</summary>
internal static class GlobalOptions
{
    public static Option<string?> Lang { get; } = new("--lang")
    {
        Description = "Language of messages: zh-CN or en (default: BOUNDARIES_LANG, then LANG) / 输出语言",
        Recursive = true,
    };

    public static Option<OutputFormat> Format { get; } = new("--format")
    {
        Description = "text or json (validate also geojson) / 输出格式",
        DefaultValueFactory = _ => OutputFormat.Text,
        Recursive = true,
    };
}
