using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using OutreachBot.LineEmulator.Chat;

namespace OutreachBot.LineEmulator.Meta;

/// <summary>The Graph API's error body: <c>{"error":{"message","type","code","error_subcode","fbtrace_id"}}</c>.</summary>
internal static class GraphError
{
    public static IResult Of(int code, string message, int? subcode = null, string type = "OAuthException", int status = StatusCodes.Status400BadRequest)
    {
        // Meta leaves out error_subcode and is_transient when they do not apply.
        var error = new Dictionary<string, object> { ["message"] = message, ["type"] = type, ["code"] = code };
        if (subcode is { } sub)
        {
            error["error_subcode"] = sub;
        }

        if (code is 1 or 2)
        {
            error["is_transient"] = true;
        }

        error["fbtrace_id"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(9));
        return Results.Json(new { error }, ChatJson.Options, statusCode: status);
    }

    public static IResult Parameter(string message) => Of(100, $"(#100) {message}");

    public static IResult NoSuchObject(string id) => Of(100,
        $"Unsupported request - method type: get. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
        33, "GraphMethodException");

    public static IResult UnknownEdge(string edge) => Of(2500, $"Unknown path components: /{edge}");

    public static IResult Throttled(int code) => Of(code, code switch
    {
        4 => "(#4) Application request limit reached",
        17 => "(#17) User request limit reached",
        32 => "(#32) Page request limit reached",
        613 => "(#613) Calls to this api have exceeded the rate limit.",
        80001 => "(#80001) There have been too many calls to this Page account. Wait a bit and try again.",
        _ => "(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.",
    });

    public static IResult ServerError() =>
        Of(2, "An unexpected error has occurred. Please retry your request later.", status: StatusCodes.Status500InternalServerError);

    public static IResult ExpiredToken() => Of(190, "Error validating access token: Session has expired.", 463);

    public static IResult InvalidToken() => Of(190, "Invalid OAuth access token - Cannot parse access token");

    public static IResult NoToken() => Of(104, "An access token is required to request this resource.");
}
