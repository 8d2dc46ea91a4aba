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
        if (HttpMethods.IsPost(method) && (IsLineEdit(p) || IsProposal(p)))
        {
            return AccessPermission.Edit;
        }
        if (IsImport(p))
        {
            return AccessPermission.Import;
        }
        // everything else that writes — applying enclave plans included — is the admin's (issue 9: admin applies change sets)
        return AccessPermission.Administer;
    }

    /// <summary>Uploads of survey files and other imports: the surveyor's, with the import body limit.</summary>
    public static bool IsImport(string path) =>
        path.StartsWith("/api/v1/imports", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/api/v1/survey/files", StringComparison.OrdinalIgnoreCase);

    /// <summary>Edits and proposals short of applying a change set: splitting, merging, planning enclave resolutions.</summary>
    public static bool IsProposal(string path) =>
        path.Equals("/api/v1/divisions/split", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/api/v1/divisions/merge", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/api/v1/enclaves/plan", StringComparison.OrdinalIgnoreCase);

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
