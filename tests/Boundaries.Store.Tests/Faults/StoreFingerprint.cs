using System.Globalization;
using System.Security.Cryptography;
using NetTopologySuite.IO;

namespace Boundaries.Store.Tests.Faults;

/// <summary>
/// What a store holds, ids left out so two stores that went through the same writes compare equal: every division version
/// (code, name, parent, validity, geometry bytes) and every audit row with its change set (kind, author, reason, date).
/// </summary>
internal static class StoreFingerprint
{
    public static async Task<string> OfAsync(string connection)
    {
        await using var store = BoundaryStore.Open(connection);
        var versions = await store.GetAllVersionsAsync();
        var audit = await store.GetAuditAsync();
        var writer = new WKBWriter();
        var lines = versions.Select(v => string.Join('|', "version", v.Division.Code, v.Division.Name, v.Division.ParentCode,
                Date(v.Division.ValidFrom), Date(v.Division.ValidTo), Convert.ToHexString(SHA256.HashData(writer.Write(v.Division.Geometry)))))
            .Concat(audit.Select(a => string.Join('|', "audit", a.ChangeSet.Kind, a.ChangeSet.Author, a.ChangeSet.Reason, Date(a.ChangeSet.EffectiveDate),
                a.Code, a.Action, a.BeforeVersionId is null ? "-" : "b", a.AfterVersionId is null ? "-" : "a")))
            .Order(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
