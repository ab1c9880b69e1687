using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OutreachBot.LineEmulator.Meta;

/// <summary>A Graph call's parameters, as Meta takes them: from the query, a form body or a JSON object, and its access token.</summary>
internal sealed record GraphRequest(string Method, string Id, string? Edge, IReadOnlyDictionary<string, string> Parameters, string? Token)
{
    public string? this[string name] => Parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public IReadOnlyList<string> Fields(string defaults) =>
        (this["fields"] ?? defaults).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public int Limit(int defaults, int max) =>
        int.TryParse(this["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? Math.Min(limit, max) : defaults;

    public bool Publishes => Method == HttpMethods.Post && Edge is "feed" or "photos" or "media_publish";

    public static async Task<GraphRequest> ReadAsync(HttpContext http, string id, string? edge)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in http.Request.Query)
        {
            parameters[name] = value.ToString();
        }

        if (http.Request.HasFormContentType)
        {
            foreach (var (name, value) in await http.Request.ReadFormAsync(http.RequestAborted))
            {
                parameters[name] = value.ToString();
            }
        }
        else if (http.Request.HasJsonContentType())
        {
            using var json = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                parameters[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.StartsWith("OAuth ", StringComparison.OrdinalIgnoreCase)
            ? authorization[(authorization.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim()
            : parameters.GetValueOrDefault("access_token");
        parameters.Remove("access_token");
        return new GraphRequest(http.Request.Method, id, edge, parameters, string.IsNullOrEmpty(token) ? null : token);
    }
}
