namespace Boundaries.Geo.Validation;

/// <summary>How serious a finding is. Any <see cref="Error"/> makes <c>boundaries validate</c> exit with 1.</summary>
public enum Severity
{
    /// <summary>For information; not a defect.</summary>
    Info = 0,
    /// <summary>Probably a defect, or a consequence of one reported as an error.</summary>
    Warning = 1,
    /// <summary>A defect: the data is wrong.</summary>
    Error = 2,
}
