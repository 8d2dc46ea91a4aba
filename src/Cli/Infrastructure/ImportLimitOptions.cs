using System.CommandLine;
using Boundaries.Cli.Commands;
using Boundaries.Geo.Formats;

namespace Boundaries.Cli.Infrastructure;

/// <summary>
/// <c>--max-file-size</c> and <c>--max-line-length</c> for verbs that import files (divisions, survey logs), mapped to
/// <see cref="ImportLimits"/>; unset, the defaults hold (4 GiB, 16 MiB).
/// </summary>
internal sealed class ImportLimitOptions
{
    public Option<string?> MaxFileSize { get; } = new("--max-file-size") { Description = "largest input file, e.g. 500M (default 4G) / 输入文件大小上限" };

    public Option<string?> MaxLineLength { get; } = new("--max-line-length") { Description = "longest line of a line-oriented input (CSV, NMEA …), e.g. 64k (default 16M) / 输入文件单行长度上限" };

    public void AddTo(Command command)
    {
        command.Add(MaxFileSize);
        command.Add(MaxLineLength);
    }

    public ImportLimits Limits(ParseResult parse)
    {
        var limits = ImportLimits.Default;
        if (parse.GetValue(MaxFileSize) is { } file)
        {
            limits = limits with { MaxFileBytes = ServeAccessOptions.ParseSize(file) ?? throw new FormatException($"--max-file-size: '{file}' is not a size such as 1048576, 512k, 1M or 2G") };
        }
        if (parse.GetValue(MaxLineLength) is { } line)
        {
            var bytes = ServeAccessOptions.ParseSize(line) is { } n && n <= int.MaxValue ? n : throw new FormatException($"--max-line-length: '{line}' is not a size such as 4096, 64k or 16M");
            limits = limits with { MaxLineBytes = (int)bytes };
        }
        return limits;
    }
}
