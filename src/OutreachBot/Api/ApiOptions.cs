namespace OutreachBot.Api;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Staff API keys accepted as <c>Authorization: Bearer</c>; prefer keys made in the console, which are stored hashed.</summary>
    public IReadOnlyList<string> Keys { get; set; } = [];
}
