using System.Diagnostics.CodeAnalysis;

namespace Boundaries.Geo.Model;

/// <summary>
/// A national statistical division code (统计用区划代码) of the People's Republic of China:
/// 6 digits for province, prefecture and county (PP CC DD), 9 digits for a township-level unit
/// (county + 3-digit serial; a prefecture-level city without counties, such as 东莞 441900, holds townships directly), 12 digits for a village-level unit (township + 3-digit serial).
/// A 12-digit code whose last six digits are zero is read as the 6-digit code it pads, and one whose last
/// three are zero as the 9-digit code, as the statistical tables print them.
/// A value of this type is always well formed; use <see cref="TryParse"/> to learn why text is not.
/// </summary>
public readonly record struct DivisionCode
{
    private DivisionCode(string digits) => Digits = digits;

    /// <summary>The canonical digits: 6, 9 or 12 of them.</summary>
    public string Digits { get; }

    /// <summary>The level the code names.</summary>
    public DivisionLevel Level => Digits.Length switch
    {
        12 => DivisionLevel.Community,
        9 => DivisionLevel.Township,
        _ when Digits.AsSpan(2) is "0000" => DivisionLevel.Province,
        _ when Digits.AsSpan(4) is "00" => DivisionLevel.Prefecture,
        _ => DivisionLevel.District,
    };

    /// <summary>The township class of a 9-digit code; <c>null</c> for other levels.</summary>
    public TownshipClass? TownshipClass => Digits.Length == 9 ? ClassOfSerial(Serial(Digits, 6)) : null;

    /// <summary>
    /// The code of the parent division: village → township → county → prefecture → province;
    /// <c>null</c> for a province. A county directly under a province (PP 90 DD, 省直辖县) has the province as parent.
    /// </summary>
    public DivisionCode? Parent => Level switch
    {
        DivisionLevel.Community => new DivisionCode(Digits[..9]),
        DivisionLevel.Township => new DivisionCode(Digits[..6]),
        DivisionLevel.District when Digits.AsSpan(2, 2) is "90" => new DivisionCode(Digits[..2] + "0000"),
        DivisionLevel.District => new DivisionCode(Digits[..4] + "00"),
        DivisionLevel.Prefecture => new DivisionCode(Digits[..2] + "0000"),
        _ => null,
    };

    /// <summary>True when <paramref name="other"/> is this code or lies under it.</summary>
    public bool Contains(DivisionCode other)
    {
        for (DivisionCode? c = other; c is { } code; c = code.Parent)
        {
            if (code.Digits == Digits)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The 12-digit form, padded with zeros.</summary>
    public string ToTwelveDigits() => Digits.PadRight(12, '0');

    /// <inheritdoc />
    public override string ToString() => Digits;

    /// <summary>Parses a code, or throws <see cref="FormatException"/> with the reason.</summary>
    public static DivisionCode Parse(string text) =>
        TryParse(text, out var code, out var reason) ? code : throw new FormatException($"division code '{text}': {reason}");

    /// <summary>
    /// Parses a code. On failure <paramref name="reason"/> says why in English: wrong length, a non-digit,
    /// province 00, a zero county part under a non-zero serial, a township serial outside 001–599.
    /// </summary>
    public static bool TryParse(string? text, out DivisionCode code, [NotNullWhen(false)] out string? reason)
    {
        code = default;
        var s = text?.Trim() ?? "";
        if (s.Length == 0)
        {
            reason = "empty";
            return false;
        }
        foreach (var ch in s)
        {
            if (ch is < '0' or > '9')
            {
                reason = $"'{ch}' is not a digit";
                return false;
            }
        }
        if (s.Length == 12 && s.EndsWith("000000", StringComparison.Ordinal))
        {
            s = s[..6];
        }
        else if (s.Length == 12 && s.EndsWith("000", StringComparison.Ordinal))
        {
            s = s[..9];
        }
        if (s.Length is not (6 or 9 or 12))
        {
            reason = $"{s.Length} digits; a code has 6 (county and above), 9 (township) or 12 (village)";
            return false;
        }
        if (s.AsSpan(0, 2) is "00")
        {
            reason = "province part 00";
            return false;
        }
        if (s.Length > 6)
        {
            // A county part of 00 is legal: prefecture-level cities without counties (东莞 441900, 中山 442000)
            // hold their townships directly.
            if (s.AsSpan(2, 4) is "0000")
            {
                reason = "a township or village code needs a prefecture part (digits 3–4) other than 00";
                return false;
            }
            var serial = Serial(s, 6);
            if (ClassOfSerial(serial) is null)
            {
                reason = $"township serial {serial:000} is outside 001–599 (001–099 street, 100–199 town, 200–399 township, 400–599 quasi-township)";
                return false;
            }
        }
        if (s.Length == 12 && Serial(s, 9) == 0)
        {
            reason = "village serial 000";
            return false;
        }
        code = new DivisionCode(s);
        reason = null;
        return true;
    }

    private static int Serial(string digits, int start) => int.Parse(digits.AsSpan(start, 3), System.Globalization.CultureInfo.InvariantCulture);

    private static TownshipClass? ClassOfSerial(int serial) => serial switch
    {
        >= 1 and <= 99 => Model.TownshipClass.Street,
        >= 100 and <= 199 => Model.TownshipClass.Town,
        >= 200 and <= 399 => Model.TownshipClass.Township,
        >= 400 and <= 599 => Model.TownshipClass.QuasiTownship,
        _ => null,
    };
}
