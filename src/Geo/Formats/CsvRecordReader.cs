using System.Text;

namespace Boundaries.Geo.Formats;

/// <summary>
/// Reads RFC 4180 records one at a time from a text reader: comma-separated fields, fields in double quotes may hold
/// commas, line breaks and doubled quotes (<c>""</c>). Tracks the 1-based line on which each record starts.
/// With <paramref name="rejectUndecodable"/>, a U+FFFD replacement character (what the decoder puts for bytes that
/// are not valid in the encoding) is an error on the line where it occurs.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, string path, bool rejectUndecodable)
{
    private long _line = 1;
    private readonly StringBuilder _field = new();

    /// <summary>The line the last record returned started on.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input.</summary>
    public bool Read(List<string> fields)
    {
        fields.Clear();
        RecordLine = _line;
        var c = Next();
        if (c < 0)
        {
            return false;
        }
        while (true)
        {
            _field.Clear();
            if (c == '"')
            {
                c = ReadQuoted();
            }
            else
            {
                while (c >= 0 && c != ',' && c != '\n' && c != '\r')
                {
                    if (c == '"')
                    {
                        throw new BoundariesFormatException($"a double quote inside an unquoted field (field {fields.Count + 1}); quote the whole field and double the quote", path, _line);
                    }
                    _field.Append((char)c);
                    c = Next();
                }
            }
            fields.Add(_field.ToString());
            switch (c)
            {
                case ',':
                    c = Next();
                    continue;
                case '\r':
                    if (reader.Peek() == '\n')
                    {
                        reader.Read();
                    }
                    _line++;
                    return true;
                case '\n':
                    _line++;
                    return true;
                default:
                    return true;
            }
        }
    }

    /// <summary>Reads a quoted field after its opening quote; returns the character after the closing quote.</summary>
    private int ReadQuoted()
    {
        var startLine = _line;
        while (true)
        {
            var c = Next();
            if (c < 0)
            {
                throw new BoundariesFormatException($"a quoted field opened on line {startLine} is never closed (truncated file?)", path, startLine);
            }
            if (c == '"')
            {
                c = Next();
                if (c == '"')
                {
                    _field.Append('"');
                    continue;
                }
                if (c is < 0 or ',' or '\n' or '\r')
                {
                    return c;
                }
                throw new BoundariesFormatException($"text after the closing quote of a quoted field (field {_field.Length})", path, _line);
            }
            if (c == '\n')
            {
                _line++;
            }
            _field.Append((char)c);
        }
    }

    private int Next()
    {
        var c = reader.Read();
        if (c == '\uFFFD' && rejectUndecodable)
        {
            throw new BoundariesFormatException("bytes that are not valid UTF-8; pass the file's encoding (e.g. GBK)", path, _line);
        }
        return c;
    }
}
