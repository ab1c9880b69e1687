using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OutreachBot.StaffConsole;

/// <summary>
/// Each sign-in is a session row the cookie names: signing out deletes it, so a copied cookie stops working, and it
/// ends <c>Console:SessionMaxLifetime</c> after sign-in however busy the session is. Only the id's SHA-256 is stored.
/// </summary>
public sealed class StaffSessions(Database database, AuditLog audit, IOptions<ConsoleOptions> options, TimeProvider time)
{
    public async Task SignInAsync(HttpContext http, StaffAccount account)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(account);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await using (var connection = await database.OpenAsync(http.RequestAborted))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                DELETE FROM staff_sessions WHERE ends_at <= @Now;
                INSERT INTO staff_sessions (id_hash, account_id, created_at, ends_at) VALUES (@Hash, @AccountId, @Now, @EndsAt);
                """,
                new
                {
                    Hash = HashOf(id),
                    AccountId = account.Id,
                    Now = now,
                    EndsAt = now + options.Value.SessionMaxLifetime,
                },
                cancellationToken: http.RequestAborted));
        }

        await http.SignInAsync(StaffCookie.Scheme, StaffSignIn.PrincipalFor(account, id));
    }

    /// <summary>Ends the request's session and records that its staff member signed out.</summary>
    public async Task SignOutAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        await audit.WriteAsync(http, AuditActions.SignOut, http.User.Identity?.Name);
        await EndAsync(http.User, http.RequestAborted);
        await http.SignOutAsync(StaffCookie.Scheme);
    }

    /// <summary>Ends the session <paramref name="user"/> signed in with, server-side.</summary>
    public async Task EndAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user?.FindFirstValue(StaffClaims.Session) is not { } id)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM staff_sessions WHERE id_hash = @Hash", new { Hash = HashOf(id) }, cancellationToken: cancellationToken));
    }

    public static string HashOf(string sessionId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sessionId)));
}
