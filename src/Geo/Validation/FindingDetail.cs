using System.Collections.Immutable;

namespace Boundaries.Geo.Validation;

/// <summary>
/// A finding's description in a form any language can render: a template key of <see cref="FindingDetails"/> and its
/// arguments, already formatted (codes, numbers with invariant digits).
/// </summary>
/// <param name="Key">The template, e.g. <c>gap</c>, <c>near_miss</c>.</param>
/// <param name="Arguments">The values for the template's {0}, {1}, ….</param>
/// <param name="CascadesFrom">The division whose invalid geometry this piece follows from, or <c>null</c>.</param>
public sealed record FindingDetail(string Key, ImmutableArray<string> Arguments, string? CascadesFrom = null)
{
    /// <summary>A detail with arguments formatted with invariant digits.</summary>
    public static FindingDetail Of(string key, params object[] arguments) =>
        new(key, [.. arguments.Select(a => a is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : a.ToString() ?? "")]);
}
