namespace OutreachBot.Tests.Broadcasts;

/// <summary>A test class whose tests each start the harnesses they need, with settings of their own; each is disposed after its test.</summary>
public abstract class HarnessesPerTest(string provider) : IAsyncLifetime
{
    private readonly List<BroadcastHarness> _harnesses = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var h in _harnesses)
        {
            await h.DisposeAsync();
        }
    }

    protected async Task<BroadcastHarness> StartAsync(Dictionary<string, string?>? settings = null, long? quota = null)
    {
        var h = await BroadcastHarness.StartAsync(provider, settings, monthlyQuota: quota);
        _harnesses.Add(h);
        return h;
    }
}
