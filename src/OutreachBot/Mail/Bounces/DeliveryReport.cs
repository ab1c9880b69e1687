using MimeKit;

namespace OutreachBot.Mail.Bounces;

/// <summary>A recipient a delivery status notification says failed for good: its address and what the server said.</summary>
public sealed record FailedRecipient(string Address, string Reply);

/// <summary>
/// Reads delivery status notifications (RFC 3464): a <c>multipart/report; report-type=delivery-status</c> whose
/// per-recipient fields say <c>Action: failed</c> with a 5.x.x <c>Status</c>. Delays (4.x.x), successes and mails of any
/// other kind give no failed recipient, and are left for a person to read.
/// </summary>
public static class DeliveryReport
{
    public static IReadOnlyList<FailedRecipient> FailedRecipients(MimeMessage message)
    {
        if (message.Body is not MultipartReport { ReportType: var type } report
            || !string.Equals(type, "delivery-status", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var failed = new List<FailedRecipient>();
        foreach (var status in report.OfType<MessageDeliveryStatus>())
        {
            // The first group describes the whole message; each later one describes a recipient.
            foreach (var fields in status.StatusGroups.Skip(1))
            {
                if (Failed(fields) is { } recipient)
                {
                    failed.Add(recipient);
                }
            }
        }

        return failed;
    }

    private static FailedRecipient? Failed(HeaderList fields)
    {
        var action = fields["Action"]?.Trim();
        var status = fields["Status"]?.Trim();
        var address = Address(fields["Final-Recipient"]) ?? Address(fields["Original-Recipient"]);
        if (!string.Equals(action, "failed", StringComparison.OrdinalIgnoreCase) || status is null || !status.StartsWith("5.", StringComparison.Ordinal) || address is null)
        {
            return null;
        }

        var diagnostic = fields["Diagnostic-Code"] is { } code ? Unfold(code) : "";
        return new FailedRecipient(address, $"{status} {diagnostic}".Trim());
    }

    /// <summary>The address in an <c>rfc822; someone@example.jp</c> field; other address types are not ours.</summary>
    private static string? Address(string? field)
    {
        if (field is null)
        {
            return null;
        }

        var parts = field.Split(';', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], "rfc822", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var address = parts[1].Trim('<', '>', ' ');
        return MailboxAddress.TryParse(address, out _) && address.Contains('@', StringComparison.Ordinal) ? address : null;
    }

    private static string Unfold(string value) => string.Join(' ', value.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
