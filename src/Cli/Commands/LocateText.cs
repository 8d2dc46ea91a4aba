using System.Globalization;
using Boundaries.Cli.Infrastructure;
using Boundaries.Viewer.Api;

namespace Boundaries.Cli.Commands;

/// <summary>The text rendering of one <c>locate</c> answer: a line per level.</summary>
internal static class LocateText
{
    public static void Write(CliContext context, LocateAnswer answer)
    {
        var t = context.Text;
        foreach (var level in answer.Levels)
        {
            var line = level.Code is null ? t["locate.outside", level.Level] : t["locate.level", level.Level, level.Code, level.Name];
            if (level.OnBoundary)
            {
                line += t["locate.on_boundary", string.Join(' ', level.Candidates.Select(c => c.Code))];
            }
            if (level.DistanceM is { } d)
            {
                line += t["locate.distance", d.ToString("0.000", CultureInfo.InvariantCulture)];
            }
            if (level.Ambiguous)
            {
                line += t["locate.ambiguous"];
            }
            context.Out.WriteLine(line);
        }
    }
}
