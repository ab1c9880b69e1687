using Microsoft.Extensions.Options;

namespace OutreachBot.LocalMode;

/// <summary>Checks the LINE client's base URLs against <see cref="PlatformBaseUrl"/> at start.</summary>
internal sealed class LineBaseUrlsValidator(StartMode mode) : IValidateOptions<LineClientOptions>
{
    public ValidateOptionsResult Validate(string? name, LineClientOptions options)
    {
        string?[] problems =
        [
            PlatformBaseUrl.Problem(options.ApiBaseUrl, "Line:ApiBaseUrl", mode),
            PlatformBaseUrl.Problem(options.DataApiBaseUrl, "Line:DataApiBaseUrl", mode),
        ];
        var failures = problems.OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
