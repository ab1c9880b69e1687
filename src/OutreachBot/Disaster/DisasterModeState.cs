using Microsoft.Extensions.Options;
using OutreachBot.Hosting;

namespace OutreachBot.Disaster;

/// <summary>
/// Disaster mode as this instance knows it, read from the database every <see cref="DisasterOptions.PollInterval"/>
/// (and at once after a switch made here), so that the console banner, the menus and the broadcasts of every instance
/// follow a switch within seconds without asking the database on each request.
/// </summary>
public sealed class DisasterModeState
{
    private volatile DisasterModeView _view = new(null, null);

    public DisasterModeView View => _view;

    /// <summary>Citizens whose latest 安否 answer under the switch in force is 助けが必要 and not yet handled, as last read: the banner's alert.</summary>
    public long HelpNeeded { get; private set; }

    public bool Active => _view.Active;

    /// <summary>Broadcasts that are not urgent wait while disaster mode is on for everyone (not in a drill).</summary>
    public bool HoldsBroadcasts => _view is { Active: true, Drill: false };

    /// <summary>Whether this citizen is shown the disaster menu now: everyone in disaster mode, the audience in a drill.</summary>
    public bool Reaches(string userId) => _view.Current?.Reaches(userId) == true;

    internal void Publish(DisasterModeView view, long helpNeeded = 0)
    {
        _view = view;
        HelpNeeded = helpNeeded;
    }
}

/// <summary>Reads disaster mode into <see cref="DisasterModeState"/> in rounds.</summary>
public sealed partial class DisasterModeWatcher(
    DisasterSwitchStore store, SafetyReports safety, DisasterModeState state, IOptions<DisasterOptions> options, TimeProvider time, ILogger<DisasterModeWatcher> logger)
    : BackgroundService
{
    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        var view = await store.ReadAsync(time.GetUtcNow(), options.Value.ConfirmWithin, cancellationToken);
        state.Publish(view, view.Active ? await safety.HelpNeededAsync(view.Current!.Id, cancellationToken) : 0);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(ReadAsync, () => options.Value.PollInterval, LogFailed, time, stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read disaster mode; the last one read stays in force")]
    private partial void LogFailed(Exception exception);
}
