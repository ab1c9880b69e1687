using System.Text;

namespace OutreachBot.Exports;

/// <summary>
/// CSV as the console's exports write it for Excel: UTF-8 with a byte order mark (without it Excel reads Japanese as
/// Shift_JIS), CRLF line ends, fields quoted as RFC 4180 says.
/// </summary>
public static class ExcelCsv
{
    /// <summary>Quotes when it must, and defuses text a spreadsheet would run as a formula (=, +, -, @).</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>The finished text as the bytes of the file, the byte order mark first.</summary>
    public static byte[] Bytes(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
