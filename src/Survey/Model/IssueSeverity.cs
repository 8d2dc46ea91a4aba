namespace Boundaries.Survey.Model;

/// <summary>How serious a survey-reading issue is.</summary>
public enum IssueSeverity
{
    /// <summary>For information: nothing was lost (a no-fix epoch, an ignored sentence type).</summary>
    Info,

    /// <summary>The record was kept, but something was repaired or doubtful (accepted bad checksum, week roll-over).</summary>
    Warning,

    /// <summary>The line was rejected: its data is not in the result.</summary>
    Error,
}
