using System.Collections.Immutable;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Validation;

/// <summary>Checks of codes, names and levels: empty name, malformed code, duplicate code, code prefix, level.</summary>
internal static class AttributeChecks
{
    public static void Check(IReadOnlyList<Division> divisions, Func<int, Geometry> locationOf, ValidationRules rules, List<Finding> findings)
    {
        void Add(FindingCode code, int i, string message, FindingDetail detail, Severity severity = Severity.Error, string? other = null)
        {
            if (rules.IsOn(code))
            {
                ImmutableArray<string> codes = other is null ? [divisions[i].Code] : [.. new[] { divisions[i].Code, other }.Order(StringComparer.Ordinal)];
                findings.Add(new Finding(code, severity, codes, locationOf(i), null, "", message, detail));
            }
        }

        for (var i = 0; i < divisions.Count; i++)
        {
            var d = divisions[i];
            if (string.IsNullOrWhiteSpace(d.Name))
            {
                Add(FindingCode.EmptyName, i, $"{d.Code}: the name is empty", FindingDetail.Of("empty_name", d.Code));
            }
            if (rules.CodeScheme == CodeScheme.Any)
            {
                if (string.IsNullOrWhiteSpace(d.Code))
                {
                    Add(FindingCode.MalformedCode, i, "a division has an empty code", FindingDetail.Of("empty_code"));
                }
                else if (d.ParentCode is { Length: > 0 } parent && !d.Code.StartsWith(parent, StringComparison.Ordinal))
                {
                    Add(FindingCode.CodePrefixMismatch, i, $"{d.Code} does not start with its parent's code {parent}", FindingDetail.Of("prefix_not_parent", d.Code, parent), other: parent);
                }
                continue;
            }
            if (!DivisionCode.TryParse(d.Code, out var code, out var reason))
            {
                Add(FindingCode.MalformedCode, i, $"'{d.Code}' is not a division code: {reason}", FindingDetail.Of("malformed_code", d.Code, reason));
                continue;
            }
            if (code.Level != d.Level)
            {
                Add(FindingCode.LevelCodeMismatch, i, $"{d.Code} is a {code.Level.Name()} code but the division is at level {d.Level.Name()}",
                    FindingDetail.Of("level_mismatch", d.Code, code.Level.Name(), d.Level.Name()));
            }
            if (d.ParentCode is { Length: > 0 } p && DivisionCode.TryParse(p, out var parentCode, out _) && (parentCode == code || !parentCode.Contains(code)))
            {
                Add(FindingCode.CodePrefixMismatch, i, $"{d.Code} does not lie under its parent's code {p}", FindingDetail.Of("not_under_parent", d.Code, p), other: p);
            }
        }
        DuplicateCodes(divisions, locationOf, rules, findings);
    }

    private static void DuplicateCodes(IReadOnlyList<Division> divisions, Func<int, Geometry> locationOf, ValidationRules rules, List<Finding> findings)
    {
        if (!rules.IsOn(FindingCode.DuplicateCode))
        {
            return;
        }
        var groups = Enumerable.Range(0, divisions.Count)
            .GroupBy(i => Canonical(divisions[i].Code, rules.CodeScheme), StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var members = group.ToList();
            var clashing = members.Where(i => members.Any(j => j != i && Overlaps(divisions[i], divisions[j]))).ToList();
            if (clashing.Count < 2)
            {
                continue;
            }
            var points = clashing.Select(locationOf).SelectMany(g => g.Coordinates).ToArray();
            var location = MetricFrame.LonLatFactory.CreateMultiPointFromCoords(points);
            location.SRID = locationOf(clashing[0]).SRID;
            var names = string.Join(", ", clashing.Select(i => divisions[i].Name));
            findings.Add(new Finding(FindingCode.DuplicateCode, Severity.Error, [group.Key], location, clashing.Count, "divisions",
                $"{clashing.Count} divisions in force at the same time carry code {group.Key} ({names})",
                FindingDetail.Of("duplicate_code", clashing.Count, group.Key, names)));
        }
    }

    private static string Canonical(string code, CodeScheme scheme) =>
        scheme == CodeScheme.China && DivisionCode.TryParse(code, out var parsed, out _) ? parsed.Digits : code.Trim();

    /// <summary>True when the two validity intervals share a day (valid-to is exclusive; null = open).</summary>
    private static bool Overlaps(Division a, Division b) =>
        (a.ValidTo is not { } aTo || b.ValidFrom is not { } bFrom || bFrom < aTo)
        && (b.ValidTo is not { } bTo || a.ValidFrom is not { } aFrom || aFrom < bTo);
}
