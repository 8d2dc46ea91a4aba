namespace Boundaries.Viewer.Security;

/// <summary>What an endpoint needs.</summary>
internal enum AccessPermission
{
    Read,
    Import,
    Edit,
    Administer,
}
