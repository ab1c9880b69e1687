using Dapper;
using MimeKit;

namespace OutreachBot.Staff;

/// <summary>
/// A staff member's own e-mail address (set on the Account page), where a test send of a broadcast's mail goes. Kept
/// out of the audit entry's text: the entry says it was set or cleared.
/// </summary>
public sealed class StaffEmails(Database database, AuditLog audit, TimeProvider time)
{
    public const int MaxLength = 254;

    public static readonly Bilingual Invalid = new(
        "メールアドレスは name@example.jp の形で入力してください（254文字以内）。", "Give an e-mail address such as name@example.jp (at most 254 characters).");

    public async Task<string?> FindAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT email FROM staff_accounts WHERE id = @Id", new { Id = accountId }, cancellationToken: cancellationToken));
    }

    /// <summary>Sets (or, blank, clears) the address, with one audit entry; the refusal's text when it is no address.</summary>
    public async Task<Bilingual?> SetAsync(long accountId, string username, string? email, StaffActor actor, CancellationToken cancellationToken)
    {
        var value = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (value is not null && !IsAddress(value))
        {
            return Invalid;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_accounts SET email = @Email, updated_at = @Now WHERE id = @Id",
            new { Id = accountId, Email = value, Now = time.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
        await audit.WriteAsync(connection, transaction, actor, AuditActions.StaffEmailChanged, username, value is null ? "cleared" : "set", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>A bare address (no name, no angle brackets, no spaces), with a domain.</summary>
    public static bool IsAddress(string value) =>
        value.Length <= MaxLength && !value.Any(char.IsWhiteSpace) && MailboxAddress.TryParse(value, out var mailbox)
        && mailbox.Address == value && string.IsNullOrEmpty(mailbox.Name) && mailbox.Domain.Length > 0 && mailbox.LocalPart.Length > 0;
}
