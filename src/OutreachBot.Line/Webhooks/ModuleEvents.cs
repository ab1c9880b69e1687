using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

// Sent only to module channels (partner features); this bot is a plain channel, but the types must still parse.

/// <summary>The module channel was attached to, or detached from, an account.</summary>
public sealed record ModuleEvent : WebhookEvent
{
    [JsonConverter(typeof(ModuleContentConverter))]
    public required ModuleContent Module { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AttachedModuleContent), "attached")]
[JsonDerivedType(typeof(DetachedModuleContent), "detached")]
public abstract record ModuleContent;

public sealed record AttachedModuleContent : ModuleContent
{
    /// <summary>User ID of the bot of the account the module was attached to.</summary>
    public required string BotId { get; init; }

    /// <summary>The scopes the account's admin granted.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }
}

public sealed record DetachedModuleContent : ModuleContent
{
    public required string BotId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public DetachReason Reason { get; init; }
}

[JsonConverter(typeof(TolerantEnumConverter<DetachReason>))]
public enum DetachReason
{
    Unknown,
    [JsonStringEnumMemberName("bot_deleted")] BotDeleted,
}

public sealed record UnknownModuleContent : ModuleContent, IUnknownVariant
{
    public string Type { get; init; } = string.Empty;

    public JsonElement Json { get; init; }
}

internal sealed class ModuleContentConverter : PolymorphicFallbackConverter<ModuleContent>
{
    protected override ModuleContent CreateUnknown(string type, JsonElement json, JsonSerializerOptions options) =>
        new UnknownModuleContent { Type = type, Json = json };
}

/// <summary>The module channel became the active channel (Acquire Control API) until <see cref="ChatControl.ExpireAt"/>.</summary>
public sealed record ActivatedEvent : WebhookEvent
{
    public required ChatControl ChatControl { get; init; }
}

public sealed record ChatControl
{
    /// <summary>Milliseconds since the Unix epoch.</summary>
    public required long ExpireAt { get; init; }
}

/// <summary>The module channel was switched to standby.</summary>
public sealed record DeactivatedEvent : WebhookEvent;

/// <summary>The account was suspended.</summary>
public sealed record BotSuspendedEvent : WebhookEvent;

/// <summary>The account came back from suspension.</summary>
public sealed record BotResumedEvent : WebhookEvent;
