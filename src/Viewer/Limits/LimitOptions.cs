namespace Boundaries.Viewer.Limits;

/// <summary>How much one request may ask of the server; each refusal is an RFC 7807 problem (413, 400 or 408).</summary>
public sealed record LimitOptions
{
    /// <summary>All defaults.</summary>
    public static LimitOptions Default { get; } = new();

    /// <summary>Largest body of any request but the batch lookup, in bytes. Default 1 MiB (a line edit of 20,000 vertices is about 1 MiB).</summary>
    public long MaxRequestBodyBytes { get; init; } = 1L << 20;

    /// <summary>Largest batch lookup body, in bytes (the batch streams, so this bounds time, not memory). Default 256 MiB.</summary>
    public long MaxBatchBodyBytes { get; init; } = 256L << 20;

    /// <summary>Largest import body (a GNSS log uploaded to the survey), in bytes. Default 512 MiB.</summary>
    public long MaxImportBodyBytes { get; init; } = 512L << 20;

    /// <summary>Longest line of an uploaded line-oriented import (NMEA, RTKLIB .pos, CASS .dat, CSV, GSI, RW5), in bytes. Default 1 MiB (NMEA sentences are 82 bytes).</summary>
    public int MaxImportLineBytes { get; init; } = 1 << 20;

    /// <summary>Most points in one batch lookup (CSV data lines, JSON array items, GeoJSON features). Default 2,000,000.</summary>
    public long MaxBatchPoints { get; init; } = 2_000_000;

    /// <summary>Most vertices in the geometry of one line edit. Default 50,000.</summary>
    public int MaxEditVertices { get; init; } = 50_000;

    /// <summary>Most vertices in the lines of one <c>GET /api/v1/lines</c> answer (the edit layer's view); more is refused
    /// (422, "zoom in"). Default 60,000 (about 2.5 MB of GeoJSON).</summary>
    public int MaxLineVerticesInView { get; init; } = 60_000;

    /// <summary>Deepest JSON nesting accepted in a request body. Default 32 (GeoJSON needs 5 or 6).</summary>
    public int MaxJsonDepth { get; init; } = 32;

    /// <summary>Longest time a request may take before it is answered 408 (or cut off if the answer had started). Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest time a batch lookup may take. Default 10 minutes (a million points take a few seconds).</summary>
    public TimeSpan BatchTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
