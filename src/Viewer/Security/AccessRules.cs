using Microsoft.AspNetCore.Http;

namespace Boundaries.Viewer.Security;

/// <summary>
/// What each endpoint needs and what each role has. Reading methods (GET, HEAD) and the batch lookup need
/// <see cref="AccessPermission.Read"/>; line edits need <see cref="AccessPermission.Edit"/>; any other write —
/// including ones added later and not listed here — needs <see cref="AccessPermission.Administer"/> until listed.
/// </summary>
internal static class AccessRules
{
    public static AccessPermission Required(string method, PathString path)
    {
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            return AccessPermission.Read;
        }
        var p = path.Value ?? "";
        if (HttpMethods.IsPost(method) && p.Equals("/api/v1/locate/batch", StringComparison.OrdinalIgnoreCase))
        {
            return AccessPermission.Read;
        }
        if (HttpMethods.IsPost(method) && IsLineEdit(p))
        {
            return AccessPermission.Edit;
        }
        if (p.StartsWith("/api/v1/imports", StringComparison.OrdinalIgnoreCase))
        {
            return AccessPermission.Import;
        }
        return AccessPermission.Administer;
    }

    public static bool IsLineEdit(string path) =>
        path.StartsWith("/api/v1/lines/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/edit", StringComparison.OrdinalIgnoreCase);

    public static bool IsWrite(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));

    public static bool Allows(AccessRole role, AccessPermission permission) => (role, permission) switch
    {
        (AccessRole.Admin, _) => true,
        (_, AccessPermission.Read) => true,
        (AccessRole.Surveyor, AccessPermission.Import) => true,
        (AccessRole.Planner, AccessPermission.Edit) => true,
        _ => false,
    };
}
