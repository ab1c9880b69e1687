using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.LineEmulator;

/// <summary>
/// The LINE emulator alone: <c>dotnet run --project src/OutreachBot.LineEmulator -- --urls http://127.0.0.1:5081</c>.
/// Settings under "Emulator" (<see cref="EmulatorOptions"/>). Not a top-level program, so that the bot's own
/// <c>Program</c> stays the only one for tests that reference both.
/// </summary>
internal static class EmulatorProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddLineEmulator(builder.Configuration);

        var app = builder.Build();
        app.MapLineEmulator();
        app.Run();
    }
}
