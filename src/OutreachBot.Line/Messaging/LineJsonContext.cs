using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachBot.Line.Messaging;

/// <summary>Source-generated JSON for the Messaging API: camelCase as LINE names fields, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(IReadOnlyList<Message>))]
[JsonSerializable(typeof(ReplyMessageRequest))]
[JsonSerializable(typeof(PushMessageRequest))]
[JsonSerializable(typeof(ValidateMessageRequest))]
[JsonSerializable(typeof(ShowLoadingAnimationRequest))]
[JsonSerializable(typeof(MarkMessagesAsReadByTokenRequest))]
[JsonSerializable(typeof(CreateRichMenuAliasRequest))]
[JsonSerializable(typeof(UpdateRichMenuAliasRequest))]
[JsonSerializable(typeof(RichMenuRequest))]
[JsonSerializable(typeof(SentMessagesResponse))]
[JsonSerializable(typeof(UserProfile))]
[JsonSerializable(typeof(FollowerIdsPage))]
[JsonSerializable(typeof(MessageQuota))]
[JsonSerializable(typeof(QuotaConsumption))]
[JsonSerializable(typeof(StatisticsPerUnit))]
[JsonSerializable(typeof(ShowLoadingAnimationResponse))]
[JsonSerializable(typeof(LineErrorResponse))]
[JsonSerializable(typeof(RichMenuIdResponse))]
[JsonSerializable(typeof(RichMenuResponse))]
[JsonSerializable(typeof(RichMenuListResponse))]
[JsonSerializable(typeof(RichMenuAliasResponse))]
[JsonSerializable(typeof(RichMenuAliasListResponse))]
[JsonSerializable(typeof(RichMenuBatchRequest))]
[JsonSerializable(typeof(RichMenuBatchProgress))]
[JsonSerializable(typeof(RichMenuBulkLinkRequest))]
[JsonSerializable(typeof(RichMenuBulkUnlinkRequest))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class LineJsonContext : JsonSerializerContext;
