using Microsoft.Playwright;

namespace OutreachBot.BrowserTests;

/// <summary>A staff member signing in to the console on a page of their own, as they would at the sign-in form.</summary>
public static class StaffSignIn
{
    public static async Task<IPage> SignInAsync(this IBrowserContext context, string consoleUrl, string username, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(consoleUrl + "/console/signin");
        await page.GetByLabel("ユーザー名").FillAsync(username);
        await page.GetByLabel("パスワード").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await page.WaitForURLAsync(consoleUrl + "/console");
        return page;
    }
}
