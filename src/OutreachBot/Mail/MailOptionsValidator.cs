using Microsoft.Extensions.Options;

namespace OutreachBot.Mail;

/// <summary>The mail settings that come in groups: the DKIM key, and the bounce mailbox with its poll interval.</summary>
internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var problems = new[] { DkimMailSigner.Problem(options), BounceProblem(options) }.OfType<string>().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string? BounceProblem(MailOptions options)
    {
        var set = new[] { options.BounceImapHost, options.BounceImapUserName, options.BounceImapPassword }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (set is not (0 or 3))
        {
            return "Mail:BounceImapHost, Mail:BounceImapUserName and Mail:BounceImapPassword must be set together (all three to read bounces, or none).";
        }

        if (options.BounceImapPort is <= 0 or >= 65536)
        {
            return "Mail:BounceImapPort must be a TCP port.";
        }

        return options.BouncePollInterval < TimeSpan.FromSeconds(1) || options.BouncePollInterval > TimeSpan.FromDays(1)
            ? "Mail:BouncePollInterval must be 1 second to 1 day."
            : null;
    }
}
