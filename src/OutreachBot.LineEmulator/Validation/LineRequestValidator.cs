using System.Text.Json;
using OutreachBot.Line.Messaging;

namespace OutreachBot.LineEmulator.Validation;

/// <summary>One reason LINE would refuse a request, in LINE's error-detail shape (<c>property</c> like <c>messages[0].text</c>).</summary>
public sealed record LineValidationError(string Property, string Message);

/// <summary>
/// Checks Messaging API request bodies as LINE would: against the official messaging-api.yml (embedded), following
/// its discriminators, and then against the limits LINE documents outside the YAML. Tests use it to assert that
/// every message the bot sent is valid, e.g. <c>LineRequestValidator.Default.ValidateMessage(json)</c>.
/// </summary>
public sealed class LineRequestValidator
{
    private static readonly Lazy<LineRequestValidator> Shared = new(Load);

    private readonly SchemaValidator _schemas;

    private LineRequestValidator(SchemaValidator schemas) => _schemas = schemas;

    /// <summary>The validator over the embedded messaging-api.yml, loaded once.</summary>
    public static LineRequestValidator Default => Shared.Value;

    /// <summary>Validates a request body against the named schema (e.g. <c>PushMessageRequest</c>) and LINE's extra limits.</summary>
    public IReadOnlyList<LineValidationError> Validate(string schemaName, JsonElement body)
    {
        if (!_schemas.HasSchema(schemaName))
        {
            throw new ArgumentException($"messaging-api.yml has no schema '{schemaName}'.", nameof(schemaName));
        }

        var errors = new List<LineValidationError>();
        _schemas.Validate(body, schemaName, "", errors);
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("messages", out var messages))
        {
            LineLimitRules.CheckMessages(messages, "messages", errors);
        }

        if (schemaName == "RichMenuRequest" && body.ValueKind == JsonValueKind.Object)
        {
            LineLimitRules.CheckRichMenu(body, errors);
        }

        if (schemaName == "ShowLoadingAnimationRequest" && LineLimitRules.Get(body, "loadingSeconds") is { ValueKind: JsonValueKind.Number } seconds
            && (!seconds.TryGetInt32(out var value) || value % LineLimits.LoadingSecondsStep != 0))
        {
            errors.Add(new("loadingSeconds", "must be a multiple of 5"));
        }

        return Distinct(errors);
    }

    /// <summary>Validates one message object; properties are relative to it (<c>text</c>, <c>quickReply.items</c>...).</summary>
    public IReadOnlyList<LineValidationError> ValidateMessage(JsonElement message)
    {
        var errors = new List<LineValidationError>();
        _schemas.Validate(message, "Message", "", errors);
        LineLimitRules.CheckMessage(message, "", errors);
        return Distinct(errors);
    }

    public IReadOnlyList<LineValidationError> ValidateMessage(Message message)
    {
        using var document = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(message, LineJsonContext.Default.Message));
        return ValidateMessage(document.RootElement);
    }

    /// <summary>Validates a list of messages as a push would carry them: 1 to 5, each valid (<c>messages[i]...</c>).</summary>
    public IReadOnlyList<LineValidationError> ValidateMessages(IReadOnlyList<Message> messages)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new ValidateMessageRequest(messages), LineJsonContext.Default.ValidateMessageRequest);
        using var document = JsonDocument.Parse(body);
        return Validate("ValidateMessageRequest", document.RootElement);
    }

    private static IReadOnlyList<LineValidationError> Distinct(List<LineValidationError> errors) =>
        errors.Count == 0 ? [] : [.. errors.Distinct()];

    private static LineRequestValidator Load()
    {
        using var stream = typeof(LineRequestValidator).Assembly.GetManifestResourceStream("OutreachBot.LineEmulator.messaging-api.yml")
            ?? throw new InvalidOperationException("messaging-api.yml is not embedded in the emulator assembly.");
        using var reader = new StreamReader(stream);
        return new LineRequestValidator(new SchemaValidator(OpenApiSchema.ReadComponents(reader)));
    }
}
