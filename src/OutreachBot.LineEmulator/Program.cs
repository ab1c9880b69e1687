namespace OutreachBot.LineEmulator;

internal static class EmulatorProgram
{
    public static void Main(string[] args)
    {
        var app = WebApplication.CreateBuilder(args).Build();
        app.Run();
    }
}
