using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OutreachBot.LineEmulator.Chat;

/// <summary>
/// Writes webhook bodies the way LINE does: UTF-8 with Japanese and emoji as raw bytes, not <c>\u</c> escapes.
/// System.Text.Json's encoders always escape characters outside the BMP, and a bot that hashes anything but the raw
/// bytes must be caught here, as it would be by LINE.
/// </summary>
internal static class LineJson
{
    public static byte[] ToUtf8(JsonNode node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Write(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (name, value) in obj)
                {
                    text.Append(first ? "" : ",");
                    first = false;
                    WriteString(name, text);
                    text.Append(':');
                    Write(value, text);
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    Write(array[i], text);
                }

                text.Append(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                WriteString(value.GetValue<string>(), text);
                break;
            default:
                // Numbers, booleans: nothing to escape, and their JSON form is culture-invariant.
                text.Append(node.ToJsonString());
                break;
        }
    }

    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ' || IsLoneSurrogate(value, i))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                        if (char.IsHighSurrogate(c))
                        {
                            text.Append(value[++i]);
                        }
                    }

                    break;
            }
        }

        text.Append('"');
    }

    private static bool IsLoneSurrogate(string value, int i) =>
        char.IsSurrogate(value[i])
        && !(char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]));
}
