using Microsoft.Extensions.Options;

namespace OutreachBot.Cluster;

/// <summary>
/// The <c>Cluster</c> settings: how this process names itself among the instances sharing one PostgreSQL database, and
/// how often Quartz's cluster check-in says it is alive. On SQLite (one instance) only the id is used, in the ledger.
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    private static readonly string DefaultInstanceId = $"{Environment.MachineName}-{Environment.ProcessId}";
    private string _instanceId = DefaultInstanceId;

    /// <summary>
    /// This process's name in the cluster: Quartz's instance id and the <c>claimed_by</c> of the batches it sends. Must
    /// differ between instances running at the same time; the default (host name and process id, also when empty) does.
    /// </summary>
    public string InstanceId
    {
        get => _instanceId;
        set => _instanceId = string.IsNullOrEmpty(value) ? DefaultInstanceId : value;
    }

    /// <summary>How often the instance checks in with the others (Quartz's <c>clusterCheckinInterval</c>).</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long past a missed check-in the others wait before they take over its jobs and its share of LINE's rate.
    /// Keep it above the longest pause an instance can have (garbage collection, a VM migration, a database failover).
    /// </summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(10);
}

internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions o)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(o.InstanceId) || o.InstanceId.Length > 100 || o.InstanceId.Any(char.IsWhiteSpace))
        {
            failures.Add("Cluster:InstanceId must be 1 to 100 characters without spaces.");
        }

        if (o.CheckinInterval < TimeSpan.FromMilliseconds(200) || o.CheckinInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add("Cluster:CheckinInterval must be 200 ms to 5 minutes.");
        }

        if (o.CheckinMisfireThreshold < TimeSpan.FromMilliseconds(200) || o.CheckinMisfireThreshold > TimeSpan.FromMinutes(10))
        {
            failures.Add("Cluster:CheckinMisfireThreshold must be 200 ms to 10 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
