using OutreachBot.LineEmulator.Hosting;
using OutreachBot.LineEmulator.Validation;

namespace OutreachBot.Tests.Infrastructure;

/// <summary>What every conversation test asserts of the LINE traffic.</summary>
public static class LineChecks
{
    /// <summary>
    /// Every message the bot sent is valid against LINE's OpenAPI schema and documented limits, and LINE (the
    /// emulator, which checks the same) refused none of the bot's requests, except those <paramref name="expected"/>.
    /// </summary>
    public static void AllValid(LineEmulatorServer line, Func<LineEmulator.Api.RecordedRequest, bool>? expected = null)
    {
        var refused = line.Journal.Requests.Where(r => r.Status >= 400 && !(expected?.Invoke(r) ?? false)).ToList();
        Assert.True(refused.Count == 0, "LINE refused: " + string.Join("\n", refused.Select(r => $"{r.Method} {r.Path} {r.Status} {r.Body}")));
        foreach (var userId in line.Users.All().Select(u => u.UserId))
        {
            foreach (var sent in line.Transcript.For(userId).Where(l => l.Speaker == LineEmulator.State.ChatSpeaker.Bot))
            {
                var errors = LineRequestValidator.Default.ValidateMessage(sent.Content);
                Assert.True(errors.Count == 0, $"Invalid message {sent.Content}: {string.Join("; ", errors)}");
            }
        }
    }
}
