using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

/// <summary>Where an event comes from: a one-to-one chat, a group chat or a multi-person chat (room).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(UserSource), "user")]
[JsonDerivedType(typeof(GroupSource), "group")]
[JsonDerivedType(typeof(RoomSource), "room")]
public abstract record Source;

/// <remarks>
/// Also its own polymorphic base, so that member lists (declared as <see cref="UserSource"/>) still write
/// <c>"type":"user"</c>; that needs the type to be unsealed.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(UserSource), "user")]
public record UserSource : Source
{
    /// <summary>Absent when the user has not consented to share their profile.</summary>
    public string? UserId { get; init; }
}

public sealed record GroupSource : Source
{
    public required string GroupId { get; init; }

    /// <summary>The sender; only in message events, and only from LINE for iOS and Android.</summary>
    public string? UserId { get; init; }
}

public sealed record RoomSource : Source
{
    public required string RoomId { get; init; }

    /// <summary>The sender; only in message events, and only from LINE for iOS and Android.</summary>
    public string? UserId { get; init; }
}

public sealed record UnknownSource : Source, IUnknownVariant
{
    public string Type { get; init; } = string.Empty;

    public JsonElement Json { get; init; }
}

internal sealed class SourceConverter : PolymorphicFallbackConverter<Source>
{
    protected override Source CreateUnknown(string type, JsonElement json, JsonSerializerOptions options) =>
        new UnknownSource { Type = type, Json = json };
}
