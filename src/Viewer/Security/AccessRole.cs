namespace Boundaries.Viewer.Security;

/// <summary>What a caller may do: each role's permissions are fixed in <see cref="AccessRules"/>.</summary>
public enum AccessRole
{
    /// <summary>Lookups and reading (locate, batch, features, lines, findings, maps).</summary>
    Viewer,

    /// <summary>Reading and imports.</summary>
    Surveyor,

    /// <summary>Reading, line edits and proposals.</summary>
    Planner,

    /// <summary>Everything, including applying change sets and managing users.</summary>
    Admin,
}
