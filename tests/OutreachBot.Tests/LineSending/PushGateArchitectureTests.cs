using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Broadcasts;
using OutreachBot.LineSending;

namespace OutreachBot.Tests.LineSending;

/// <summary>
/// The push ceiling sits at the end of every handler chain the HTTP client factory builds (<c>AddLineSending()</c> puts
/// it there), so a push can only get around it from an HTTP client the bot builds itself. It builds none.
/// </summary>
public sealed class PushGateArchitectureTests
{
    [Fact]
    public void Bot_BuildsNoHttpClientOfItsOwn_EveryPushGoesThroughTheFactoryAndItsGate()
    {
        Assert.Empty(HttpClientsBuiltIn(typeof(Program).Assembly));
    }

    [Fact]
    public void HttpClientsBuiltIn_AnAssemblyThatBuildsOne_FindsIt()
    {
        Assert.Contains("System.Net.Http.HttpMessageInvoker", HttpClientsBuiltIn(typeof(PushRateHandlerTests).Assembly));
    }

    [Fact]
    public void AddLineSending_AnyClientTheFactoryBuilds_PushesPassTheGateAfterTheClientsOwnHandlers()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<BroadcastOptions>();
        services.AddHttpClient("any").AddHttpMessageHandler(() => new ClientsOwnHandler());
        services.AddLineSending(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        var chain = Chain(provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler("any"));

        Assert.Single(chain, h => h is PushRateHandler);
        Assert.True(chain.FindIndex(h => h is ClientsOwnHandler) < chain.FindIndex(h => h is PushRateHandler));
    }

    private static List<HttpMessageHandler> Chain(HttpMessageHandler handler)
    {
        var chain = new List<HttpMessageHandler>();
        for (HttpMessageHandler? h = handler; h is not null; h = (h as DelegatingHandler)?.InnerHandler)
        {
            chain.Add(h);
        }

        return chain;
    }

    private sealed class ClientsOwnHandler : DelegatingHandler;

    /// <summary>The HTTP client types whose constructors the assembly's code calls.</summary>
    private static List<string> HttpClientsBuiltIn(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var reader = pe.GetMetadataReader();
        return [.. reader.MemberReferences
            .Select(reader.GetMemberReference)
            .Where(m => reader.GetString(m.Name) == ".ctor" && m.Parent.Kind == HandleKind.TypeReference)
            .Select(m => reader.GetTypeReference((TypeReferenceHandle)m.Parent))
            .Select(t => $"{reader.GetString(t.Namespace)}.{reader.GetString(t.Name)}")
            .Where(name => name is "System.Net.Http.HttpClient" or "System.Net.Http.HttpMessageInvoker")
            .Distinct()];
    }
}
