namespace Boundaries.Cli.Infrastructure;

/// <summary>The process exit codes every verb uses.</summary>
internal static class ExitCodes
{
    /// <summary>Finished, nothing to report.</summary>
    public const int Ok = 0;

    /// <summary>Finished, but with error-severity findings.</summary>
    public const int Findings = 1;

    /// <summary>The command line or the input named on it cannot be used.</summary>
    public const int Usage = 2;

    /// <summary>The environment failed: disk, permissions, a service that is down.</summary>
    public const int Environment = 3;
}
