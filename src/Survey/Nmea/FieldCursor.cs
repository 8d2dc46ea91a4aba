namespace Boundaries.Survey.Nmea;

/// <summary>Walks the comma-separated fields of a sentence body without allocating.</summary>
internal ref struct FieldCursor(ReadOnlySpan<byte> fields)
{
    private ReadOnlySpan<byte> rest = fields;
    private bool done;

    /// <summary>The next field (empty when the field is empty or the sentence has ended).</summary>
    public ReadOnlySpan<byte> Next()
    {
        if (done)
        {
            return default;
        }
        var comma = rest.IndexOf((byte)',');
        if (comma < 0)
        {
            done = true;
            var last = rest;
            rest = default;
            return last;
        }
        var field = rest[..comma];
        rest = rest[(comma + 1)..];
        return field;
    }

    public void Skip(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Next();
        }
    }

    /// <summary>Whether the sentence has no more fields.</summary>
    public readonly bool End => done;
}
