using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OutreachBot.LineEmulator.Chat;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Tests.Chat;

/// <summary>The control API refuses what a LINE user could not do, and what another web site asks for.</summary>
public sealed class CitizenApiTests
{
    [Fact]
    public async Task CreateCitizen_NoUserId_GetsARandomLineUserId()
    {
        await using var host = await ChatHost.StartAsync();

        using var response = await host.SendAsync("/_emulator/chat/citizens", new { displayName = "Nguyễn Văn A", language = "vi" });
        var citizen = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches("^U[0-9a-f]{32}$", citizen.GetProperty("userId").GetString());
        Assert.Equal("vi", citizen.GetProperty("language").GetString());
        Assert.False(citizen.GetProperty("following").GetBoolean());
        var listed = await host.GetAsync("/_emulator/chat/citizens");
        Assert.Equal(citizen.GetProperty("userId").GetString(), Assert.Single(listed.EnumerateArray().ToList()).GetProperty("userId").GetString());
    }

    [Fact]
    public async Task CreateCitizen_ExistingUserId_UpdatesNameAndLanguageKeepingFollow()
    {
        await using var host = await ChatHost.StartAsync();
        const string userId = "U0123456789abcdef0123456789abcdef";
        await host.PostAsync("/_emulator/chat/citizens", new { userId, displayName = "王 芳", language = "zh-Hans" });
        await host.PostAsync($"/_emulator/chat/citizens/{userId}/follow");

        using var response = await host.SendAsync("/_emulator/chat/citizens", new { userId, language = "ko" });
        var citizen = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("王 芳", citizen.GetProperty("displayName").GetString());
        Assert.Equal("ko", citizen.GetProperty("language").GetString());
        Assert.True(citizen.GetProperty("following").GetBoolean());
    }

    [Theory]
    [InlineData("u0123456789abcdef0123456789abcdef")]
    [InlineData("U0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("U123")]
    [InlineData("<script>")]
    public async Task CreateCitizen_InvalidUserId_Returns400(string userId)
    {
        await using var host = await ChatHost.StartAsync();

        using var response = await host.SendAsync("/_emulator/chat/citizens", new { userId });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SendText_BlockedCitizen_Returns409AndSendsNothing()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        await host.PostAsync($"/_emulator/chat/citizens/{userId}/follow");
        await host.PostAsync($"/_emulator/chat/citizens/{userId}/unfollow");

        using var response = await host.SendAsync($"/_emulator/chat/citizens/{userId}/messages", new { text = "まだいますか" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(2, host.Bot.Received.Count);
    }

    [Fact]
    public async Task Follow_AlreadyFollowing_Returns409()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        await host.PostAsync($"/_emulator/chat/citizens/{userId}/follow");

        using var response = await host.SendAsync($"/_emulator/chat/citizens/{userId}/follow");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Single(host.Bot.Received);
    }

    [Fact]
    public async Task Follow_UnknownCitizen_Returns404()
    {
        await using var host = await ChatHost.StartAsync();

        using var response = await host.SendAsync("/_emulator/chat/citizens/U0123456789abcdef0123456789abcdef/follow");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(host.Bot.Received);
    }

    [Fact]
    public async Task ControlApi_PostFromAnotherOrigin_IsRefused()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/_emulator/chat/citizens/{userId}/follow");
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Bot.Received);
    }

    [Fact]
    public async Task ControlApi_PostFromItsOwnPage_IsAccepted()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/_emulator/chat/citizens/{userId}/follow");
        request.Headers.Add("Origin", host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Bot.Received);
    }

    [Fact]
    public async Task AddLineEmulatorChat_NoChannelSecret_FailsAtStart()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(sp => new ReplyTokenBook(TimeProvider.System, TimeSpan.FromMinutes(1)));
        builder.Services.AddSingleton<EmulatedUsers>();
        builder.Services.AddSingleton<ChatTranscript>();
        builder.Services.AddLineEmulatorChat(o => o.BotWebhookUrl = new Uri("http://127.0.0.1:9/webhook/line"));
        await using var app = builder.Build();
        app.MapLineEmulatorChat();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("ChannelSecret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MapLineEmulatorChat_StateNotRegistered_ThrowsWithAHint()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddLineEmulatorChat();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapLineEmulatorChat());

        Assert.Contains("State", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultDestination_IsABotUserId() =>
        Assert.Matches("^U[0-9a-f]{32}$", ChatOptions.DefaultDestination);
}
