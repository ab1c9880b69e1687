using System.Net;

namespace OutreachBot.Conversations.RichMenus;

/// <summary>
/// Shows a citizen the rich menu of their language, the disaster one while disaster mode reaches them. Cosmetic: a
/// failure is logged, never fails the turn.
/// </summary>
public sealed partial class RichMenuLinker(
    LineMessagingClient line, RichMenuDirectory directory, Disaster.DisasterModeState disaster, ILogger<RichMenuLinker> logger)
{
    public async Task LinkAsync(string userId, string language, CancellationToken cancellationToken)
    {
        if ((disaster.Reaches(userId) ? directory.DisasterMenuFor(language) : directory.MenuFor(language)) is not { } richMenuId)
        {
            LogNotReady(language);
            return;
        }

        try
        {
            await line.LinkRichMenuToUserAsync(userId, richMenuId, cancellationToken);
        }
        catch (LineApiException ex)
        {
            LogLinkFailed(language, ex.StatusCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No rich menu to link for language {Language} yet")]
    private partial void LogNotReady(string language);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE did not link the {Language} rich menu to a citizen ({Status})")]
    private partial void LogLinkFailed(string language, HttpStatusCode? status);
}
