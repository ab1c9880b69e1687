using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using OutreachBot.Hosting;
using OutreachBot.Pages.Dashboard;

// The folder is Console/ as the layout says; the namespace is StaffConsole because a namespace OutreachBot.Console
// would capture every Console.WriteLine written anywhere under OutreachBot.* (the bench's, for one).
namespace OutreachBot.StaffConsole;

public static class ConsoleExtensions
{
    public const string LanguageCookie = ".OutreachBot.Language";

    /// <summary>The staff console: accounts and sign-in, roles, the audit log and the Razor Pages under <c>/console</c>.</summary>
    public static IServiceCollection AddConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ConsoleOptions>(configuration, ConsoleOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.BootstrapAdminUsername), "Console:BootstrapAdminUsername must not be empty.")
            .Validate(
                o => o.LockoutDuration > TimeSpan.Zero && o.SessionIdleTimeout > TimeSpan.Zero && o.QuotaTimeout > TimeSpan.Zero,
                "Console:LockoutDuration, Console:SessionIdleTimeout and Console:QuotaTimeout must be positive durations (hh:mm:ss).")
            .Validate(
                o => o.SessionMaxLifetime > TimeSpan.Zero && o.SessionMaxLifetime <= TimeSpan.FromDays(30),
                "Console:SessionMaxLifetime must be a positive duration of at most 30 days (d.hh:mm:ss).");
        services.AddSingleton<StaffAccountStore>();
        services.AddSingleton<StaffAdministration>();
        services.AddSingleton<OwnAccount>();
        services.AddSingleton<StaffPasswords>();
        services.AddSingleton<StaffSignIn>();
        services.AddSingleton<StaffSessions>();
        services.AddSingleton<SignInLockouts>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ConsoleClock>();
        services.AddSingleton<DashboardFigures>();
        services.AddSingleton<UpcomingBroadcasts>();
        services.AddTransient<QuotaReader>(); // the LINE client it uses is a transient typed client
        services.AddScoped<StaffCookieEvents>();
        services.AddHostedSingleton<StaffBootstrap>();

        services.AddDataProtection().SetApplicationName("OutreachBot");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>())));

        services.AddAuthentication(StaffCookie.Scheme).AddCookie(StaffCookie.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(StaffCookie.Scheme)
            .Configure<IOptions<ConsoleOptions>>((cookie, console) => StaffCookie.Configure(cookie, console.Value));
        ConsolePolicies.Add(services.AddAuthorizationBuilder());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".OutreachBot.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRazorPages(pages =>
            {
                pages.Conventions.AddFolderApplicationModelConvention(
                    "/", page => page.EndpointMetadata.Add(new AuthorizeAttribute(ConsolePolicies.ForPage(page.ViewEnginePath))));
                pages.Conventions.AuthorizeFolder("/Admin", ConsolePolicies.Admin);
                pages.Conventions.AuthorizePage("/Topics/Edit", ConsolePolicies.Edit);
                pages.Conventions.AuthorizePage("/Events/Edit", ConsolePolicies.Edit);
                pages.Conventions.AuthorizePage("/Faq/Edit", ConsolePolicies.Edit);
                pages.Conventions.AuthorizePage("/Surveys/New", ConsolePolicies.Edit);
                pages.Conventions.AuthorizePage("/Broadcasts/Compose", ConsolePolicies.Edit);
                pages.Conventions.AuthorizePage("/Broadcasts/Social", ConsolePolicies.Edit);
                pages.Conventions.AuthorizePage("/Broadcasts/Approvals", ConsolePolicies.Approve);
                pages.Conventions.AuthorizePage("/Broadcasts/Review", ConsolePolicies.Approve);
                pages.Conventions.AllowAnonymousToPage("/SignIn");
                pages.Conventions.AllowAnonymousToPage("/Language");
                pages.Conventions.AllowAnonymousToFolder("/Public");
            })
            .AddMvcOptions(mvc =>
            {
                mvc.Filters.Add<PasswordChangeGate>();
                BindingMessages(mvc.ModelBindingMessageProvider);
            });

        // Behind the reverse proxy that terminates TLS (README): trust its X-Forwarded-Proto, so cookies are Secure.
        // Only proxies on loopback are trusted, as ForwardedHeadersOptions does by default.
        // Razor encodes everything outside Basic Latin by default: Japanese would reach the browser as &#x...; entities.
        // Letting all of Unicode through keeps pages readable; <, >, &, quotes are still encoded everywhere.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture("ja").AddSupportedCultures("ja", "en").AddSupportedUICultures("ja", "en");
            // Japanese unless the staff member chose English: a browser's language says nothing about the office.
            o.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = LanguageCookie }];
        });
        return services;
    }

    /// <summary>Runs before everything else: proxy headers, security headers, the console's static files, the UI language.</summary>
    public static WebApplication UseConsole(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        return app;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapGet("/", () => Results.Redirect("/console")).ExcludeFromDescription();
        return app;
    }

    private static void BindingMessages(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustNotBeNullAccessor(_ => ConsoleText.S("入力してください。", "Enter a value."));
        messages.SetMissingBindRequiredValueAccessor(_ => ConsoleText.S("入力してください。", "Enter a value."));
        messages.SetValueIsInvalidAccessor(_ => ConsoleText.S("正しい形式で入力してください。", "Enter a valid value."));
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => ConsoleText.S("正しい形式で入力してください。", "Enter a valid value."));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => ConsoleText.S("正しい形式で入力してください。", "Enter a valid value."));
        messages.SetValueMustBeANumberAccessor(_ => ConsoleText.S("数字で入力してください。", "Enter a number."));
        messages.SetNonPropertyValueMustBeANumberAccessor(() => ConsoleText.S("数字で入力してください。", "Enter a number."));
    }
}
