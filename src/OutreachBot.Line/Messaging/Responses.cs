using System.Text.Json.Serialization;

namespace OutreachBot.Line.Messaging;

// Response bodies, named and shaped as in messaging-api.yml.

public sealed record SentMessage(string Id, string? QuoteToken = null);

public sealed record SentMessagesResponse(IReadOnlyList<SentMessage> SentMessages);

public sealed record UserProfile(string DisplayName, string UserId)
{
    public string? PictureUrl { get; init; }

    public string? StatusMessage { get; init; }

    public string? Language { get; init; }
}

/// <param name="Next">Continuation token for the next page; null on the last page.</param>
public sealed record FollowerIdsPage(IReadOnlyList<string> UserIds, string? Next = null);

/// <param name="Value">The month's target limit; only when <paramref name="Type"/> is <see cref="QuotaType.Limited"/>.</param>
public sealed record MessageQuota(QuotaType Type, long? Value = null);

[JsonConverter(typeof(JsonStringEnumConverter<QuotaType>))]
public enum QuotaType
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("limited")] Limited,
}

public sealed record QuotaConsumption(long TotalUsage);

public sealed record ShowLoadingAnimationResponse;

/// <summary>LINE's error body: <c>{"message": "...", "details": [{"message": "...", "property": "..."}]}</c>.</summary>
public sealed record LineErrorResponse(string Message, IReadOnlyList<LineErrorDetail>? Details = null)
{
    public IReadOnlyList<SentMessage>? SentMessages { get; init; }
}

public sealed record LineErrorDetail(string? Message, string? Property);

/// <summary>
/// <c>GET /v2/bot/insight/message/event/aggregation</c> (insight.yml): how the messages sent with one aggregation unit
/// were seen and tapped over a period. LINE answers null for each figure under 20.
/// </summary>
public sealed record StatisticsPerUnit(
    StatisticsPerUnitOverview Overview, IReadOnlyList<StatisticsPerUnitMessage> Messages, IReadOnlyList<StatisticsPerUnitClick> Clicks);

public sealed record StatisticsPerUnitOverview(long? UniqueImpression, long? UniqueClick, long? UniqueMediaPlayed, long? UniqueMediaPlayed100Percent);

/// <param name="Seq">The message's place in the request, from 1.</param>
public sealed record StatisticsPerUnitMessage(int Seq, long? Impression, long? UniqueImpression, long? MediaPlayed, long? UniqueMediaPlayed);

public sealed record StatisticsPerUnitClick(long Seq, string? Url, long? Click, long? UniqueClick, long? UniqueClickOfRequest);
