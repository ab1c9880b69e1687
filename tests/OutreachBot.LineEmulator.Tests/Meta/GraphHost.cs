using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.LineEmulator.Meta;

namespace OutreachBot.LineEmulator.Tests.Meta;

/// <summary>A bare emulator and a client holding the Page access token, calling the Graph API over HTTP as the bot would.</summary>
internal sealed class GraphHost : IAsyncDisposable
{
    public const string Version = "v26.0";

    private GraphHost(LineEmulatorServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseUrl };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MetaAccounts.DefaultPageAccessToken);
    }

    public LineEmulatorServer Server { get; }

    public HttpClient Http { get; }

    public MetaAccounts Accounts => Server.Options.Meta;

    public string PageId => Accounts.PageId;

    public string IgUserId => Accounts.InstagramUserId;

    public string SampleJpeg => new Uri(Server.BaseUrl, "_emulator/meta/images/sample.jpg").ToString();

    public static async Task<GraphHost> StartAsync(Action<MetaAccounts>? configure = null)
    {
        var options = new EmulatorOptions();
        configure?.Invoke(options.Meta);
        return new GraphHost(await LineEmulatorServer.StartAsync(options));
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync(string path)
    {
        var response = await Http.GetAsync(new Uri($"{Version}/{path}", UriKind.Relative));
        return (response, await BodyAsync(response));
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(string path, params (string Name, string Value)[] form)
    {
        var response = await Http.PostAsync(
            new Uri($"{Version}/{path}", UriKind.Relative),
            new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))));
        return (response, await BodyAsync(response));
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> DeleteAsync(string path)
    {
        var response = await Http.DeleteAsync(new Uri($"{Version}/{path}", UriKind.Relative));
        return (response, await BodyAsync(response));
    }

    public async Task AddFaultAsync(MetaFault fault)
    {
        using var response = await Http.PostAsJsonAsync(new Uri("_emulator/meta/faults", UriKind.Relative), fault);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A published Instagram media: a container from the sample JPEG, read until finished, then published.</summary>
    public async Task<string> PublishToInstagramAsync(string caption)
    {
        var (_, container) = await PostAsync($"{IgUserId}/media", ("image_url", SampleJpeg), ("caption", caption));
        var id = container.GetProperty("id").GetString()!;
        while ((await GetAsync($"{id}?fields=status_code")).Body.GetProperty("status_code").GetString() != "FINISHED")
        {
        }

        var (_, media) = await PostAsync($"{IgUserId}/media_publish", ("creation_id", id));
        return media.GetProperty("id").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
