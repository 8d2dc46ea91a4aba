namespace Boundaries.Viewer.Limits;

/// <summary>
/// Counts, byte by byte as a body streams past, the points of a batch (CSV lines; JSON array items; GeoJSON features)
/// and the JSON nesting depth, so a limit is hit while reading rather than after parsing. Strings (with escapes) are
/// skipped, so brackets inside names do not count.
/// </summary>
internal sealed class BodyScanner(BodyScanner.Kind kind, long maxPoints, int maxDepth)
{
    public enum Kind
    {
        None,
        Csv,
        JsonArray,
        GeoJson,
    }

    private readonly bool[] _isArray = new bool[Math.Max(maxDepth, 1) + 1];
    private int _depth;
    private bool _inString, _escaped;

    public long Points { get; private set; }

    public void Scan(ReadOnlySpan<byte> bytes)
    {
        if (kind == Kind.None)
        {
            return;
        }
        if (kind == Kind.Csv)
        {
            // The header (if any) is one line; data lines beyond maxPoints + 1 lines in all are too many.
            Points += System.MemoryExtensions.Count(bytes, (byte)'\n');
            if (Points > maxPoints + 1)
            {
                throw LimitExceededException.TooManyPoints(maxPoints);
            }
            return;
        }
        foreach (var b in bytes)
        {
            if (_inString)
            {
                if (_escaped)
                {
                    _escaped = false;
                }
                else if (b == '\\')
                {
                    _escaped = true;
                }
                else if (b == '"')
                {
                    _inString = false;
                }
                continue;
            }
            switch (b)
            {
                case (byte)'"':
                    _inString = true;
                    break;
                case (byte)'{':
                case (byte)'[':
                    if (b == '{' && _depth > 0 && _isArray[_depth] && _depth == (kind == Kind.JsonArray ? 1 : 2) && ++Points > maxPoints)
                    {
                        throw LimitExceededException.TooManyPoints(maxPoints);
                    }
                    if (_depth >= maxDepth)
                    {
                        throw LimitExceededException.TooDeep(maxDepth);
                    }
                    _isArray[++_depth] = b == '[';
                    break;
                case (byte)'}':
                case (byte)']':
                    _depth = Math.Max(0, _depth - 1);
                    break;
            }
        }
    }
}
