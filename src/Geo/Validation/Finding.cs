using System.Collections.Immutable;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Validation;

/// <summary>
/// One defect (or remark) found by <see cref="CoverageChecker"/>.
/// </summary>
/// <param name="Code">What kind of finding.</param>
/// <param name="Severity">How serious.</param>
/// <param name="Divisions">The codes of the divisions involved, sorted ordinally; a parent involved is listed too.</param>
/// <param name="Location">Where, in longitude/latitude (the set's geographic CRS, CGCS2000 unless stated): a point, or the
/// polygon of a gap, overlap or sliver piece.</param>
/// <param name="Measure">The size: area in m², width or length in m; <c>null</c> for attribute findings.</param>
/// <param name="MeasureUnit"><c>m2</c>, <c>m</c> or empty when <paramref name="Measure"/> is null.</param>
/// <param name="Message">A short English description naming the divisions and the size.</param>
/// <param name="Detail">The same description as a template key and its arguments, so reports can show it in Chinese too
/// (<see cref="FindingDetails.Text"/>); <c>null</c> where only the English message exists.</param>
public sealed record Finding(
    FindingCode Code,
    Severity Severity,
    ImmutableArray<string> Divisions,
    Geometry Location,
    double? Measure,
    string MeasureUnit,
    string Message,
    FindingDetail? Detail = null);
