namespace Boundaries.Geo.Formats;

/// <summary>The limits of <see cref="ImportLimits"/>.</summary>
public enum ImportLimitKind
{
    /// <summary><see cref="ImportLimits.MaxFileBytes"/>.</summary>
    FileSize,

    /// <summary><see cref="ImportLimits.MaxLineBytes"/>.</summary>
    LineLength,
}
