using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Http;

namespace Boundaries.Viewer.Security;

/// <summary>
/// Who a saved edit (line edit, split, merge, enclave apply) is recorded as. A caller signed in with a key or token is
/// the author, whatever the body's <c>author</c> says: a different body author is kept only as a display name in the
/// change's detail (<c>entered as …</c>). Only on a server without credentials configured (a loopback desktop tool,
/// identity <c>local</c>) is the body's author taken as given. The change id is left for the audit line of the write.
/// </summary>
internal static class EditAuthor
{
    /// <summary>Where the endpoint leaves the id of the change it saved, for the audit trail.</summary>
    public const string ChangeKey = "boundaries.audit.change";

    /// <summary>The author to record, or <c>null</c> when there is none (an unsigned caller who gave no author).</summary>
    public static string? Resolve(HttpContext context, string? given)
    {
        var typed = string.IsNullOrWhiteSpace(given) ? null : given.Trim();
        return Signed(context) is { } identity ? identity.Name : typed;
    }

    /// <summary><paramref name="detail"/>, plus the body's author when it differs from the signed-in identity.</summary>
    public static string Detail(HttpContext context, string? given, string detail)
    {
        var typed = string.IsNullOrWhiteSpace(given) ? null : given.Trim();
        return Signed(context) is { } identity && typed is not null && !string.Equals(typed, identity.Name, StringComparison.Ordinal)
            ? $"{detail} (entered as '{typed}')"
            : detail;
    }

    /// <summary>Notes the saved change for the audit line.</summary>
    public static void Saved(HttpContext context, BoundaryChange change) => context.Items[ChangeKey] = change.Id;

    private static AccessIdentity? Signed(HttpContext context) =>
        context.Items[AccessIdentity.ItemKey] is AccessIdentity { IsAnonymous: false, Method: "api-key" or "token" } identity ? identity : null;
}
