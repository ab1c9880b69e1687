using OutreachBot.Cluster;

namespace OutreachBot.Tests.Cluster;

public sealed class ClusterOptionsTests
{
    [Fact]
    public void InstanceId_LeftEmptyInTheSettings_IsTheHostNameAndProcessId()
    {
        var options = new ClusterOptions { InstanceId = "" };

        Assert.Equal($"{Environment.MachineName}-{Environment.ProcessId}", options.InstanceId);
    }

    [Theory]
    [InlineData("node a")]
    [InlineData("a-name-far-too-long-for-anyone-to-read-in-a-log-line-or-a-database-column-of-the-broadcast-batches-table")]
    public void Validate_UnusableInstanceId_FailsNamingTheSetting(string id)
    {
        var result = new ClusterOptionsValidator().Validate(null, new ClusterOptions { InstanceId = id });

        Assert.True(result.Failed);
        Assert.Contains("Cluster:InstanceId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CheckinFasterThanTheDatabaseCanTakeIt_Fails()
    {
        var result = new ClusterOptionsValidator().Validate(null, new ClusterOptions { CheckinInterval = TimeSpan.FromMilliseconds(10) });

        Assert.Contains("Cluster:CheckinInterval", result.FailureMessage, StringComparison.Ordinal);
    }
}
