using System.Globalization;
using CsvHelper;

namespace OutreachBot.MailSubscribers;

/// <summary>One usable line of an imported list.</summary>
public sealed record ImportedLine(int Line, string Address, string Language, IReadOnlyList<string> TopicSlugs, DateTimeOffset OptedInAt);

/// <summary>A line that was not imported, and why.</summary>
public sealed record RejectedLine(int Line, Bilingual Reason);

/// <summary>
/// Reads an existing mail-magazine list: a header, then <c>address, language, topics, opted_in_at</c> (topics are slugs
/// separated by <c>;</c> or spaces; an empty language is Japanese; a date without an offset is in <c>Bot:TimeZone</c>).
/// UTF-8 with or without a byte-order mark.
/// </summary>
public static class MailSubscriberCsv
{
    public static readonly IReadOnlyList<string> Columns = ["address", "language", "topics", "opted_in_at"];

    public static (List<ImportedLine> Lines, List<RejectedLine> Rejected) Read(Stream csv, IReadOnlySet<string> knownTopics, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(knownTopics);
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { Separator = ',', HasHeader = true, TrackLineNumbers = true, TrimWhitespace = true }, leaveOpen: true);
        var lines = new List<ImportedLine>();
        var rejected = new List<RejectedLine>();
        var index = new int[Columns.Count];
        for (var i = 0; i < Columns.Count; i++)
        {
            if (!reader.TryGetFieldIndex(Columns[i], out index[i]))
            {
                rejected.Add(new(1, new("1行目は見出し address,language,topics,opted_in_at にしてください。", "Line 1 must be the header address,language,topics,opted_in_at.")));
                return (lines, rejected);
            }
        }

        while (reader.Read())
        {
            var line = Convert.ToInt32(reader.LineNumber, CultureInfo.InvariantCulture);
            var address = reader.GetString(index[0]).Trim();
            var language = reader.GetString(index[1]).Trim() is { Length: > 0 } l ? l : Languages.Japanese;
            var topics = reader.GetString(index[2]).Split([';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var reason = Check(address, language, topics, knownTopics, reader.GetString(index[3]), zone, out var optedInAt);
            if (reason is { } why)
            {
                rejected.Add(new(line, why));
            }
            else
            {
                lines.Add(new(line, address, language, topics, optedInAt));
            }
        }

        return (lines, rejected);
    }

    private static Bilingual? Check(
        string address, string language, string[] topics, IReadOnlySet<string> knownTopics, string? optedIn, TimeZoneInfo zone, out DateTimeOffset optedInAt)
    {
        optedInAt = default;
        if (!SubscribeAddress.IsValid(address))
        {
            return new("メールアドレスが正しくありません。", "The address is not a valid e-mail address.");
        }

        if (!Languages.IsSupported(language))
        {
            return new($"言語「{language}」は使えません（ja, ja-easy, en, vi, pt-BR, zh-Hans, ko）。", $"Unknown language “{language}” (ja, ja-easy, en, vi, pt-BR, zh-Hans, ko).");
        }

        if (topics.Length == 0)
        {
            return new("トピックがありません。", "No topic.");
        }

        if (topics.FirstOrDefault(t => !knownTopics.Contains(t)) is { } unknown)
        {
            return new($"トピック「{unknown}」がありません。", $"No topic “{unknown}”.");
        }

        if (OptedInAt(optedIn, zone) is not { } at)
        {
            return new("opted_in_at が日付ではありません（例: 2024-04-01 または 2024-04-01T09:00:00+09:00）。", "opted_in_at is not a date (e.g. 2024-04-01 or 2024-04-01T09:00:00+09:00).");
        }

        optedInAt = at;
        return null;
    }

    private static DateTimeOffset? OptedInAt(string? text, TimeZoneInfo zone)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            && (value.EndsWith('Z') || value.LastIndexOfAny(['+', '-']) > 9))
        {
            return withOffset;
        }

        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, zone.GetUtcOffset(local))
            : null;
    }
}
