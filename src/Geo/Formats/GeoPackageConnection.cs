using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Formats;

/// <summary>
/// Opens SQLite connections to GeoPackage files (no pooling, so the file is closed when the connection is disposed
/// and can be moved or deleted at once) and registers the SQL functions the GeoPackage R-tree triggers call:
/// <c>ST_IsEmpty</c>, <c>ST_MinX</c>, <c>ST_MaxX</c>, <c>ST_MinY</c>, <c>ST_MaxY</c>.
/// </summary>
/// <remarks>
/// Decision on R-tree triggers: files we write carry the standard triggers of the gpkg_rtree_index extension
/// (GeoPackage 1.3 annex F.3), as GDAL writes them, so that edits made later by GDAL or QGIS keep the index right.
/// Plain SQLite cannot run those triggers, so every connection we open registers the five functions above (they read
/// the envelope from the GeoPackage blob header, or compute it when the header has none). Our writer fills the
/// index itself during the bulk insert and creates the triggers afterwards, so the bulk insert pays nothing for them.
/// </remarks>
internal static class GeoPackageConnection
{
    public static SqliteConnection Open(string path, bool readOnly)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        connection.CreateFunction("ST_IsEmpty", (byte[]? blob) => blob is null ? (long?)null : IsEmpty(blob) ? 1L : 0L, isDeterministic: true);
        connection.CreateFunction("ST_MinX", (byte[]? blob) => Bound(blob, 0), isDeterministic: true);
        connection.CreateFunction("ST_MaxX", (byte[]? blob) => Bound(blob, 1), isDeterministic: true);
        connection.CreateFunction("ST_MinY", (byte[]? blob) => Bound(blob, 2), isDeterministic: true);
        connection.CreateFunction("ST_MaxY", (byte[]? blob) => Bound(blob, 3), isDeterministic: true);
        return connection;
    }

    /// <summary>True when the blob's header has the empty flag (bit 4 of the flags byte).</summary>
    internal static bool IsEmpty(byte[] blob) => blob.Length < 8 || (blob[3] & 0x10) != 0;

    /// <summary>minx, maxx, miny or maxy (index 0–3) from the header envelope, or from the geometry when absent.</summary>
    internal static double? Bound(byte[]? blob, int which)
    {
        if (blob is null || IsEmpty(blob))
        {
            return null;
        }
        var flags = blob[3];
        var envelopeKind = (flags >> 1) & 0x7;
        if (envelopeKind != 0)
        {
            if (blob.Length < 8 + 32)
            {
                return null; // malformed: the reader reports it; a trigger must not fail on it
            }
            var bytes = blob.AsSpan(8 + (8 * which), 8);
            var bits = (flags & 1) != 0 ? BinaryPrimitives.ReadInt64LittleEndian(bytes) : BinaryPrimitives.ReadInt64BigEndian(bytes);
            return BitConverter.Int64BitsToDouble(bits);
        }
        Envelope envelope;
        try
        {
            envelope = new GeoPackageGeoReader().Read(blob).EnvelopeInternal;
        }
        catch (Exception e) when (e is ParseException or ArgumentException or IOException or IndexOutOfRangeException)
        {
            return null;
        }
        return which switch
        {
            0 => envelope.MinX,
            1 => envelope.MaxX,
            2 => envelope.MinY,
            _ => envelope.MaxY,
        };
    }

    /// <summary>Quotes an SQL identifier.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
