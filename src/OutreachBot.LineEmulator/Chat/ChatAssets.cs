using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OutreachBot.LineEmulator.Chat;

/// <summary>
/// The page, its script modules and its style, embedded in the assembly so the chat works wherever the emulator is
/// hosted, with no static-files middleware and no wwwroot of the host's.
/// </summary>
internal static class ChatAssets
{
    private const string ResourcePrefix = "OutreachBot.LineEmulator.Chat.Page.";

    // Browsers refuse a module script served with any other type, so each kind of file states its own.
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    private static readonly Dictionary<string, Asset> Assets = typeof(ChatAssets).Assembly.GetManifestResourceNames()
        .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(resource => resource[ResourcePrefix.Length..])
        .ToDictionary(name => name, Load, StringComparer.Ordinal);

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

    private static Asset Load(string name)
    {
        if (!ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType))
        {
            throw new InvalidOperationException($"The chat page's file {name} has no content type to be served with.");
        }

        using var stream = typeof(ChatAssets).Assembly.GetManifestResourceStream(ResourcePrefix + name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8));
        return new Asset(bytes, contentType, new EntityTagHeaderValue($"\"{hash}\""));
    }

    private sealed record Asset(byte[] Bytes, string ContentType, EntityTagHeaderValue ETag);
}
