using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace OutreachBot.LineEmulator.Chat;

/// <summary>
/// The control API carries citizens' and the bot's text, which is untrusted. ASP.NET Core's default JSON writes
/// <c>&lt;</c> and <c>&gt;</c> raw; here they are escaped, so no answer ever contains markup, even if opened directly.
/// Japanese stays readable.
/// </summary>
internal static class ChatJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static IResult Ok<T>(T value) => Results.Json(value, Options);

    public static IResult Created<T>(string location, T value)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new CreatedJson<T>(location, value);
    }

    private sealed class CreatedJson<T>(string location, T value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status201Created;
            httpContext.Response.Headers.Location = location;
            return httpContext.Response.WriteAsJsonAsync(value, Options);
        }
    }
}
