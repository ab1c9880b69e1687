using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace OutreachBot.LineEmulator.Tests.Chat;

/// <summary>The chat page's script modules as a browser loads them: chat.js and every module it imports, transitively.</summary>
internal static partial class ChatModules
{
    public static async Task<IReadOnlyDictionary<string, ServedModule>> LoadAsync(HttpClient client)
    {
        var modules = new Dictionary<string, ServedModule>(StringComparer.Ordinal);
        var pending = new Queue<string>(["chat.js"]);
        while (pending.TryDequeue(out var name))
        {
            if (modules.ContainsKey(name))
            {
                continue;
            }

            using var response = await client.GetAsync(new Uri($"/_emulator/chat/assets/{name}", UriKind.Relative));
            var source = await response.Content.ReadAsStringAsync();
            modules[name] = new ServedModule(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers, source);
            foreach (Match import in Import().Matches(source))
            {
                pending.Enqueue(import.Groups["name"].Value);
            }
        }

        return modules;
    }

    [GeneratedRegex(@"^import\s[^;]*?'\./(?<name>[\w-]+\.js)';", RegexOptions.Multiline)]
    private static partial Regex Import();
}

internal sealed record ServedModule(HttpStatusCode StatusCode, string? ContentType, HttpResponseHeaders Headers, string Source);
