using System.Text;

namespace Boundaries.Cli.Tests.Hardening;

/// <summary>
/// Makes a hostile variant of a good file from a seed number: one to three edits among cutting it short, replacing,
/// inserting or deleting bytes, doubling a stretch (oversized), and splicing in hostile text (NaN, Infinity, 1e999,
/// SQL-like strings, NUL, invalid UTF-8, a very long token).
/// </summary>
internal static class Mutator
{
    private static readonly byte[][] Hostile =
    [
        "NaN"u8.ToArray(), "Infinity"u8.ToArray(), "-inf"u8.ToArray(), "1e999"u8.ToArray(), "-0"u8.ToArray(),
        "'; DROP TABLE divisions;--"u8.ToArray(), "\" OR 1=1 --"u8.ToArray(), [0], [0xFF, 0xFE], [0xC3], [0xED, 0xA0, 0x80],
        "\r\n"u8.ToArray(), ","u8.ToArray(), "\""u8.ToArray(), "{"u8.ToArray(), "]]]]"u8.ToArray(), "<![CDATA["u8.ToArray(),
        Encoding.UTF8.GetBytes(new string('9', 400)), Encoding.UTF8.GetBytes("界桩"), "&xxe;"u8.ToArray(),
    ];

    public static byte[] Mutate(byte[] seed, int number)
    {
        var random = new Random(number);
        var bytes = seed.ToList();
        var edits = 1 + random.Next(3);
        for (var e = 0; e < edits; e++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.InsertRange(at, Enumerable.Range(0, 1 + random.Next(8)).Select(_ => (byte)random.Next(256)));
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(64)));
                    break;
                case 4:
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(256));
                    var chunk = bytes.GetRange(at, length);
                    for (var i = 0; i < 1 + random.Next(20); i++)
                    {
                        bytes.InsertRange(at, chunk);
                    }
                    break;
                default:
                    bytes.InsertRange(at, Hostile[random.Next(Hostile.Length)]);
                    break;
            }
        }
        return [.. bytes];
    }
}
