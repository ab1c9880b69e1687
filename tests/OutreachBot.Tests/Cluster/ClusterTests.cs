namespace OutreachBot.Tests.Cluster;

/// <summary>A test class whose tests each start their own <see cref="TwoNodeCluster"/>, stopped when the test ends.</summary>
public abstract class ClusterTests : IAsyncLifetime
{
    protected TwoNodeCluster Cluster { get; set; } = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}
