using Microsoft.Extensions.Options;

namespace OutreachBot.Mail;

/// <summary>The mail settings that come in groups: the DKIM key, and the bounce mailbox.</summary>
internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var problems = new[] { DkimMailSigner.Problem(options) }.OfType<string>().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
