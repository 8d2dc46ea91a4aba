using System.Globalization;
using Boundaries.Geo.Crs;
using Boundaries.Survey.Model;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Boundaries.Survey.Output;

/// <summary>
/// Writes survey points to the <c>survey_points</c> layer of a new GeoPackage (GeoPackage 1.3: application id,
/// gpkg_spatial_ref_sys, gpkg_contents, gpkg_geometry_columns; POINT geometry in the batches' system). Points are
/// added one by one inside one transaction, so a streamed log is written in constant memory. All batches written
/// to one file must share one coordinate system (a local grid of unknown system is srs_id -1).
/// </summary>
public sealed class SurveyGeoPackageWriter : IDisposable
{
    /// <summary>The layer name.</summary>
    public const string Table = "survey_points";

    private const string Cgcs2000Geogcs =
        "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],"
        + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]";

    private const string Wgs84 =
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],"
        + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
        + "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

    private static readonly string[] Columns =
    [
        "source", "line", "kind", "name", "code", "quality", "date", "time", "orthometric_height", "geoid_separation",
        "ellipsoidal_height", "satellites", "hdop", "vdop", "pdop", "sigma_n", "sigma_e", "sigma_u", "speed", "course",
    ];

    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly SqliteCommand insert;
    private readonly GeoPackageGeoWriter writer = new() { HandleOrdinates = Ordinates.XY };
    private readonly int srsId;
    private readonly GeometryFactory factory;
    private Envelope extent = new();
    private bool completed;

    private SurveyGeoPackageWriter(string path, CrsCode? crs)
    {
        Crs = crs;
        srsId = crs?.Epsg ?? -1;
        factory = new GeometryFactory(new PrecisionModel(), srsId);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        connection.Open();
        Execute("PRAGMA application_id=1196444487; PRAGMA user_version=10300; PRAGMA journal_mode=MEMORY;");
        CreateSchema(crs);
        transaction = connection.BeginTransaction();
        insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {Table} (geom, {string.Join(", ", Columns)}) VALUES ($geom, {string.Join(", ", Columns.Select(c => "$" + c))})";
        insert.Parameters.Add(new SqliteParameter { ParameterName = "$geom" });
        foreach (var c in Columns)
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = "$" + c });
        }
        insert.Prepare();
    }

    /// <summary>The system of the layer; null for an unknown local grid.</summary>
    public CrsCode? Crs { get; }

    /// <summary>Points written so far.</summary>
    public long Count { get; private set; }

    /// <summary>
    /// Creates (or replaces) <paramref name="path"/> with an empty survey_points layer in <paramref name="crs"/>
    /// (EPSG:4326, EPSG:4490, a CGCS2000 Gauss-Krüger zone, or null for an unknown grid).
    /// </summary>
    public static SurveyGeoPackageWriter Create(string path, CrsCode? crs)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (crs is { } c && c.Kind is not (CrsKind.Geographic or CrsKind.GaussKruger))
        {
            throw new ArgumentException($"survey points are written in lon/lat or Gauss-Krüger, not {c}", nameof(crs));
        }
        return new SurveyGeoPackageWriter(path, crs);
    }

    /// <summary>Writes all points of the results to a new GeoPackage; they must share one system. Returns the count.</summary>
    public static long Write(string path, IReadOnlyList<ImportResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var w = Create(path, results.Count > 0 ? results[0].Batch.Crs : CrsCode.Wgs84);
        foreach (var r in results)
        {
            w.CheckCrs(r.Batch.Crs, r.Batch.Source);
            foreach (var p in r.Batch.Points)
            {
                w.Add(r.Batch.Source, p);
            }
        }
        w.Complete();
        return w.Count;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a batch's system differs from the layer's.</summary>
    public void CheckCrs(CrsCode? crs, string? source)
    {
        if (crs != Crs)
        {
            throw new ArgumentException($"{source}: points in {(crs?.ToString() ?? "a local grid")} cannot join a layer in {(Crs?.ToString() ?? "a local grid")}; write them to another file");
        }
    }

    /// <summary>Adds one point.</summary>
    public void Add(string? source, SurveyPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        ObjectDisposedException.ThrowIf(completed, this);
        var geometry = factory.CreatePoint(new Coordinate(point.X, point.Y));
        extent.ExpandToInclude(point.X, point.Y);
        var p = insert.Parameters;
        p[0].Value = writer.Write(geometry);
        object?[] values =
        [
            source, point.Line, Snake(point.Kind.ToString()), point.Name, point.Code, Snake(point.Quality.ToString()),
            point.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), point.Time?.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            point.OrthometricHeightMeters, point.GeoidSeparationMeters, point.EllipsoidalHeightMeters, point.Satellites,
            point.Hdop, point.Vdop, point.Pdop, point.SigmaNorthMeters, point.SigmaEastMeters, point.SigmaUpMeters,
            point.SpeedMetersPerSecond, point.CourseDegrees,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            p[i + 1].Value = values[i] ?? DBNull.Value;
        }
        insert.ExecuteNonQuery();
        Count++;
    }

    /// <summary>Records the extent in gpkg_contents and commits. Without it, disposing discards the points.</summary>
    public void Complete()
    {
        if (completed)
        {
            return;
        }
        using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = $"UPDATE gpkg_contents SET min_x = $a, min_y = $b, max_x = $c, max_y = $d WHERE table_name = '{Table}'";
            update.Parameters.AddWithValue("$a", extent.IsNull ? DBNull.Value : extent.MinX);
            update.Parameters.AddWithValue("$b", extent.IsNull ? DBNull.Value : extent.MinY);
            update.Parameters.AddWithValue("$c", extent.IsNull ? DBNull.Value : extent.MaxX);
            update.Parameters.AddWithValue("$d", extent.IsNull ? DBNull.Value : extent.MaxY);
            update.ExecuteNonQuery();
        }
        transaction.Commit();
        completed = true;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        insert.Dispose();
        transaction.Dispose();
        connection.Dispose();
    }

    internal static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private void CreateSchema(CrsCode? crs)
    {
        Boundaries.Geo.Formats.GeoPackageSchema.CreateCoreTables(connection, transaction);
        AddSrs(4326, "WGS 84", Wgs84);
        if (crs is { } c && c.Epsg != 4326)
        {
            var (name, wkt) = c.Kind == CrsKind.GaussKruger ? GaussKruger(c)
                : ("China Geodetic Coordinate System 2000", Cgcs2000Geogcs + ",AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4490\"]]");
            AddSrs(c.Epsg, name, wkt);
        }
        Execute($"""
            CREATE TABLE {Table} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POINT,
              source TEXT, line INTEGER, kind TEXT, name TEXT, code TEXT, quality TEXT, date DATE, time TEXT,
              orthometric_height REAL, geoid_separation REAL, ellipsoidal_height REAL, satellites INTEGER,
              hdop REAL, vdop REAL, pdop REAL, sigma_n REAL, sigma_e REAL, sigma_u REAL, speed REAL, course REAL);
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
              VALUES ('{Table}', 'features', '{Table}', 'GNSS and surveyed points', {srsId});
            INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)
              VALUES ('{Table}', 'geom', 'POINT', {srsId}, 0, 0);
            """);
    }

    private static (string Name, string Wkt) GaussKruger(CrsCode crs)
    {
        var inv = CultureInfo.InvariantCulture;
        var cm = (int)crs.CentralMeridian;
        var name = crs.ZonePrefixed
            ? string.Create(inv, $"CGCS2000 / 3-degree Gauss-Kruger zone {crs.Zone}")
            : string.Create(inv, $"CGCS2000 / 3-degree Gauss-Kruger CM {cm}E");
        var falseEasting = crs.ZonePrefixed ? crs.Zone * 1_000_000 + 500_000 : 500_000;
        return (name, string.Create(inv,
            $"PROJCS[\"{name}\",{Cgcs2000Geogcs},AUTHORITY[\"EPSG\",\"4490\"]],PROJECTION[\"Transverse_Mercator\"],"
            + $"PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{cm}],PARAMETER[\"scale_factor\",1],"
            + $"PARAMETER[\"false_easting\",{falseEasting}],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
            + $"AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST],AUTHORITY[\"EPSG\",\"{crs.Epsg}\"]]"));
    }

    private void AddSrs(int id, string name, string wkt)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO gpkg_spatial_ref_sys VALUES ($name, $id, 'EPSG', $id, $wkt, NULL)";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$wkt", wkt);
        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
