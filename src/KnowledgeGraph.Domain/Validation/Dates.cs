using System.Globalization;

namespace KnowledgeGraph.Domain.Validation;

public static class Dates
{
    /// <summary>Exactly yyyy-mm-dd, a real day of the proleptic Gregorian calendar from year 1 (as DateOnly.TryParseExact).</summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (text is not { Length: 10 } || text[4] != '-' || text[7] != '-'
            || !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        foreach (var c in text.AsSpan(start, count))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
