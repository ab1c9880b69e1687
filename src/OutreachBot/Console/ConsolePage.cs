using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OutreachBot.StaffConsole;

/// <summary>What every console page shares: form errors shown beside their fields, a one-line notice after a change, role checks.</summary>
public abstract class ConsolePage : PageModel
{
    /// <summary>Errors by field key (as <c>TopicValidation</c> names them: <c>slug</c>, <c>names.ja</c>...), in the user's language.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>Shown once on the next page after a change ("保存しました").</summary>
    [TempData]
    public string? Notice { get; set; }

    public void AddError(string key, Bilingual message) => Errors[key] = message.Text;

    public void AddErrors(IReadOnlyDictionary<string, Bilingual[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (key, messages) in errors)
        {
            Errors[key] = string.Join(" ", messages.Select(m => m.Text));
        }
    }

    public bool HasError(string key) => Errors.ContainsKey(key);

    /// <summary>The id of the field's input: what its label points at and the error summary links to.</summary>
    public static string FieldId(string key) => "f-" + key.Replace('.', '-');

    /// <summary>For <c>aria-describedby</c>: the error's id when there is one (Razor drops the attribute on null).</summary>
    public string? ErrorId(string key) => HasError(key) ? "e-" + key.Replace('.', '-') : null;

    public string? AriaInvalid(string key) => HasError(key) ? "true" : null;

    public IHtmlContent ErrorFor(string key)
    {
        if (!Errors.TryGetValue(key, out var message))
        {
            return HtmlString.Empty;
        }

        var content = new HtmlContentBuilder();
        content.AppendHtml($"<p class=\"field-error\" id=\"{ErrorId(key)}\">");
        content.Append(message);
        content.AppendHtml("</p>");
        return content;
    }

    public async Task<bool> CanAsync(string policy) =>
        (await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, policy)).Succeeded;

    protected IActionResult LocalRedirectOr(string? returnUrl, string fallback) =>
        LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : fallback);
}
