using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

/// <summary>
/// A webhook event (<c>Event</c> in webhook.yml). Read one with <see cref="WebhookEventParser"/>, which turns
/// event types this model does not know into <see cref="UnknownEvent"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MessageEvent), "message")]
[JsonDerivedType(typeof(MessageEditedEvent), "messageEdited")]
[JsonDerivedType(typeof(UnsendEvent), "unsend")]
[JsonDerivedType(typeof(FollowEvent), "follow")]
[JsonDerivedType(typeof(UnfollowEvent), "unfollow")]
[JsonDerivedType(typeof(JoinEvent), "join")]
[JsonDerivedType(typeof(LeaveEvent), "leave")]
[JsonDerivedType(typeof(MemberJoinedEvent), "memberJoined")]
[JsonDerivedType(typeof(MemberLeftEvent), "memberLeft")]
[JsonDerivedType(typeof(PostbackEvent), "postback")]
[JsonDerivedType(typeof(VideoPlayCompleteEvent), "videoPlayComplete")]
[JsonDerivedType(typeof(BeaconEvent), "beacon")]
[JsonDerivedType(typeof(AccountLinkEvent), "accountLink")]
[JsonDerivedType(typeof(ThingsEvent), "things")]
[JsonDerivedType(typeof(MembershipEvent), "membership")]
[JsonDerivedType(typeof(ModuleEvent), "module")]
[JsonDerivedType(typeof(ActivatedEvent), "activated")]
[JsonDerivedType(typeof(DeactivatedEvent), "deactivated")]
[JsonDerivedType(typeof(BotSuspendedEvent), "botSuspended")]
[JsonDerivedType(typeof(BotResumedEvent), "botResumed")]
[JsonDerivedType(typeof(PnpDeliveryCompletionEvent), "delivery")]
public abstract record WebhookEvent
{
    /// <summary>Milliseconds since the Unix epoch; events may arrive out of order, so this orders them.</summary>
    public required long Timestamp { get; init; }

    /// <summary>Required by the spec, but absent from older payloads: then <see cref="EventMode.Unknown"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public EventMode Mode { get; init; }

    /// <summary>Absent for events that concern the account itself (botSuspended, botResumed, module).</summary>
    [JsonConverter(typeof(SourceConverter))]
    public Source? Source { get; init; }

    /// <summary>A ULID that dedupes redeliveries. Required by the spec, but absent from payloads older than it.</summary>
    public string? WebhookEventId { get; init; }

    /// <summary>Required by the spec, but absent from payloads older than it.</summary>
    public DeliveryContext? DeliveryContext { get; init; }

    [JsonIgnore]
    public DateTimeOffset OccurredAt => DateTimeOffset.FromUnixTimeMilliseconds(Timestamp);

    [JsonIgnore]
    public bool IsRedelivery => DeliveryContext?.IsRedelivery == true;
}

/// <summary>Channel state: a channel in standby (another module channel is active) must not reply.</summary>
[JsonConverter(typeof(TolerantEnumConverter<EventMode>))]
public enum EventMode
{
    Unknown,
    Active,
    Standby,
}

public sealed record DeliveryContext
{
    /// <summary>True when LINE sends the event again after the bot failed to answer 2xx; the reply token is the original.</summary>
    public required bool IsRedelivery { get; init; }
}
