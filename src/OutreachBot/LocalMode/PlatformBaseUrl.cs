namespace OutreachBot.LocalMode;

/// <summary>
/// The rule for every platform API base URL the bot sends a token to (<c>Line:ApiBaseUrl</c>, <c>Line:DataApiBaseUrl</c>,
/// and the same for other platforms' settings): https, unless <see cref="StartMode.AllowsStandIns"/>.
/// </summary>
public static class PlatformBaseUrl
{
    /// <summary>Why <paramref name="url"/> cannot be used for <paramref name="setting"/>, or null when it can.</summary>
    public static string? Problem(Uri? url, string setting, StartMode mode)
    {
        ArgumentNullException.ThrowIfNull(mode);
        if (url is null || !url.IsAbsoluteUri || url.Scheme == Uri.UriSchemeHttps)
        {
            return null; // a missing or relative URL is the platform client's own validation's to name
        }

        return mode.AllowsStandIns
            ? null
            : $"{setting} must be an https URL ({url.Scheme}:// is allowed only in the Development environment or with {StartMode.LocalModeSetting}=true, against an emulator).";
    }
}
