using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

/// <summary>
/// Reads an enum from its JSON string and maps a value this model does not know to the enum's 0 member (Unknown):
/// LINE adds values (sticker kinds, beacon kinds) without notice, and an event must not be lost for that.
/// A member's JSON name is its <see cref="JsonStringEnumMemberNameAttribute"/>, else its camelCase name.
/// </summary>
internal sealed class TolerantEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ValuesByName = ReadNames().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
    private static readonly Dictionary<TEnum, string> NamesByValue = ReadNames().ToDictionary(p => p.Value, p => p.Name);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(TEnum).Name}, found {reader.TokenType}.");
        }

        return ValuesByName.TryGetValue(reader.GetString()!, out var value) ? value : default;
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(NamesByValue[value]);
    }

    private static IEnumerable<(string Name, TEnum Value)> ReadNames() =>
        typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => (
            field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(field.Name),
            (TEnum)field.GetValue(null)!));
}
