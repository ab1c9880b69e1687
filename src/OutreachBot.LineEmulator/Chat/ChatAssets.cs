using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OutreachBot.LineEmulator.Chat;

/// <summary>
/// The page, its script and its style, embedded in the assembly so the chat works wherever the emulator is hosted,
/// with no static-files middleware and no wwwroot of the host's.
/// </summary>
internal static class ChatAssets
{
    private const string ResourcePrefix = "OutreachBot.LineEmulator.Chat.Page.";

    private static readonly Dictionary<string, Asset> Assets = new(StringComparer.Ordinal)
    {
        ["chat.html"] = Load("chat.html", "text/html; charset=utf-8"),
        ["chat.js"] = Load("chat.js", "text/javascript; charset=utf-8"),
        ["chat.css"] = Load("chat.css", "text/css; charset=utf-8"),
    };

    public static IResult Page(HttpContext http)
    {
        // The page names its assets and API with the host's path base, so it also works mounted under a prefix.
        var html = Encoding.UTF8.GetString(Assets["chat.html"].Bytes)
            .Replace("%BASE%", HtmlEncoder.Default.Encode(http.Request.PathBase.Value ?? ""), StringComparison.Ordinal);
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    public static IResult File(string name, HttpContext http)
    {
        if (name == "chat.html" || !Assets.TryGetValue(name, out var asset))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(asset.Bytes, asset.ContentType, entityTag: asset.ETag);
    }

    private static Asset Load(string name, string contentType)
    {
        using var stream = typeof(ChatAssets).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The chat page's resource {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8));
        return new Asset(bytes, contentType, new EntityTagHeaderValue($"\"{hash}\""));
    }

    private sealed record Asset(byte[] Bytes, string ContentType, EntityTagHeaderValue ETag);
}
