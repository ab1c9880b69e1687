using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

/// <summary>A user joined, left or renewed one of the account's paid memberships.</summary>
public sealed record MembershipEvent : WebhookEvent
{
    public required string ReplyToken { get; init; }

    [JsonConverter(typeof(MembershipContentConverter))]
    public required MembershipContent Membership { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(JoinedMembershipContent), "joined")]
[JsonDerivedType(typeof(LeftMembershipContent), "left")]
[JsonDerivedType(typeof(RenewedMembershipContent), "renewed")]
public abstract record MembershipContent
{
    /// <summary>Identifies the membership plan; defined per membership.</summary>
    public required long MembershipId { get; init; }
}

public sealed record JoinedMembershipContent : MembershipContent;

public sealed record LeftMembershipContent : MembershipContent;

public sealed record RenewedMembershipContent : MembershipContent;

public sealed record UnknownMembershipContent : MembershipContent, IUnknownVariant
{
    [JsonIgnore]
    public string Type { get; init; } = string.Empty;

    [JsonIgnore]
    public JsonElement Json { get; init; }
}

internal sealed class MembershipContentConverter : PolymorphicFallbackConverter<MembershipContent>
{
    protected override MembershipContent CreateUnknown(string type, JsonElement json, JsonSerializerOptions options) =>
        ReadAs<UnknownMembershipContent>(json, options) with { Type = type, Json = json };
}
