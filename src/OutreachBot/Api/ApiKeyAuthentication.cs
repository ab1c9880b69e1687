using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OutreachBot.Api;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c> for the staff API, checked against <see cref="ApiKeyStore"/>. The key acts
/// as its staff account: the same name and id as that account's console session, so that the four-eyes rule counts a
/// person once whichever way they come, and the role the key acts with; which key it was is a claim of its own.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyIdClaim = "api_key_id";
    public const string KeyNameClaim = "api_key_name";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var key = await keys.FindAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key, or its staff account is disabled or missing.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, key.AccountId.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, key.Username),
                new Claim(ClaimTypes.Role, key.Role.Code()),
                new Claim(KeyIdClaim, key.Id),
                new Claim(KeyNameClaim, key.Name),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
