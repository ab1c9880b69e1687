namespace OutreachBot.Mail;

/// <summary>
/// The relay could not be reached, or refused the bot: says which setting to look at and what the server said, never
/// the password. An <see cref="IOException"/>, so callers that retry a lost connection later retry this too.
/// </summary>
public sealed class MailConnectException(string message, Exception innerException) : IOException(message, innerException);
