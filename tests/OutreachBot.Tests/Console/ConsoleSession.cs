using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.StaffConsole;

/// <summary>A browser-like client of the console: keeps cookies, does not follow redirects, posts forms with their anti-forgery token.</summary>
public sealed partial class ConsoleSession(HttpClient client) : IDisposable
{
    public const string Password = "correct horse battery";

    public HttpClient Client { get; } = client;

    // Hashing at production strength takes a good part of a second: the accounts of every test share one salted hash.
    private static readonly Lazy<string> PasswordHash = new(() => new StaffPasswords().Hash(Password));

    public static ConsoleSession Anonymous(TestBot bot) =>
        new(bot.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Creates an account with <paramref name="role"/> directly in the store and signs it in through the sign-in page.</summary>
    public static async Task<ConsoleSession> SignedInAsync(TestBot bot, StaffRole role, string? username = null)
    {
        var name = username ?? role.Code() + "-user";
        await CreateAccountAsync(bot, name, role);
        var session = Anonymous(bot);
        using var response = await session.SignInAsync(name, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public static async Task<StaffAccount> CreateAccountAsync(TestBot bot, string username, StaffRole role, bool mustChange = false)
    {
        var store = bot.Services.GetRequiredService<StaffAccountStore>();
        return (await store.CreateAsync(new StaffAccountDraft(username, username + " さん", role), PasswordHash.Value, mustChange, DateTimeOffset.UtcNow, default))!;
    }

    public async Task<HttpResponseMessage> SignInAsync(string username, string password, string? returnUrl = null) =>
        await PostFormAsync(
            "/console/signin" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)),
            new() { ["Username"] = username, ["Password"] = password });

    /// <summary>GETs <paramref name="formPage"/> (default: <paramref name="path"/>) for its token, then posts the fields to <paramref name="path"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await TokenAsync(formPage ?? path.Split('?')[0]);
        fields["__RequestVerificationToken"] = token;
        return await Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>GETs <paramref name="path"/> for its token, then posts one file as a multipart form, as a file input does.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string path, string field, string fileName, byte[] file, string contentType = "text/csv")
    {
        var token = await TokenAsync(path.Split('?')[0]);
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(part, field, fileName);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await Client.PostAsync(path, content);
    }

    public async Task<string> TokenAsync(string page)
    {
        var html = await GetPageAsync(page);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"no anti-forgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>GETs a page that must answer 200 and returns its HTML.</summary>
    public async Task<string> GetPageAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Where a redirect leads, without host or query: the cookie handler writes absolute URLs, pages relative ones.</summary>
    public static string? PathOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location;
        return location is null ? null : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
