namespace Boundaries.Geo.Locate;

/// <summary>Splits one CSV line (UTF-8, RFC 4180 quoting) into field ranges without allocating.</summary>
internal static class CsvFields
{
    public static FieldEnumerator Split(ReadOnlySpan<byte> line) => new(line);

    /// <summary>The field without its surrounding quotes (doubled quotes inside are left as they are).</summary>
    public static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> field) =>
        field.Length >= 2 && field[0] == (byte)'"' && field[^1] == (byte)'"' ? field[1..^1] : field;

    internal ref struct FieldEnumerator(ReadOnlySpan<byte> line)
    {
        private readonly ReadOnlySpan<byte> _line = line;
        private int _next;
        private bool _done;

        public Range Current { get; private set; }

        public readonly FieldEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_done)
            {
                return false;
            }
            var start = _next;
            var quoted = false;
            for (var i = start; i < _line.Length; i++)
            {
                var b = _line[i];
                if (b == (byte)'"')
                {
                    quoted = !quoted;
                }
                else if (b == (byte)',' && !quoted)
                {
                    Current = start..i;
                    _next = i + 1;
                    return true;
                }
            }
            Current = start.._line.Length;
            _done = true;
            return true;
        }
    }
}
