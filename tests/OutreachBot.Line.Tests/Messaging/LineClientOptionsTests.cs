using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OutreachBot.Line.Messaging;

namespace OutreachBot.Line.Tests.Messaging;

public sealed class LineClientOptionsTests
{
    private static LineClientOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLineMessagingClient(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<LineClientOptions>>().Value;
    }

    [Fact]
    public void AddLineMessagingClient_LineSection_BindsUrlsAndDurations()
    {
        var options = Resolve(new()
        {
            ["Line:ChannelAccessToken"] = "t",
            ["Line:ApiBaseUrl"] = "http://127.0.0.1:5080",
            ["Line:AttemptTimeout"] = "00:00:03",
        });

        Assert.Equal(new Uri("http://127.0.0.1:5080"), options.ApiBaseUrl);
        Assert.Equal(new Uri("https://api-data.line.me"), options.DataApiBaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(3), options.AttemptTimeout);
    }

    [Fact]
    public void AddLineMessagingClient_NoAccessToken_FailsValidationNamingTheSetting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Line:ApiBaseUrl"] = "https://api.line.me" }));

        Assert.Contains("Line:ChannelAccessToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLineMessagingClient_AttemptTimeoutLongerThanTotal_FailsValidation()
    {
        Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Line:ChannelAccessToken"] = "t",
            ["Line:AttemptTimeout"] = "00:02:00",
            ["Line:TotalTimeout"] = "00:01:00",
        }));
    }
}
