using Microsoft.Playwright;

namespace HauGiang.Portal.Tests.Infrastructure;

/// <summary>One headless Chromium (Debian's, never a downloaded one) shared by a collection of browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}. Install it (apt-get install chromium) or set CHROMIUM_PATH; the README's test command does this for you.");
        }

        // Expect(…) waits up to 5 s by default: a bound a Blazor round trip on CI's two loaded cores once missed (a page
        // that had the answer a moment later). Met at once when quiet; the longer bound only costs time on a failure.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>A new, isolated browser context (its own cookies) with a Vietnamese locale and a desktop viewport.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "vi-VN", ViewportSize = new() { Width = 1366, Height = 850 }, AcceptDownloads = true });
        context.SetDefaultTimeout(20_000);
        context.Console += (_, message) => CspViolations.Record(message);
        return await context.NewPageAsync();
    }
}

public static class PageExtensions
{
    /// <summary>Signs in through the real sign-in form and waits until the app has left it.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = PortalApp.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.ClickAsync("button[type=submit]");
        // Longer than the default: the first sign-in after an app starts (password hash, first render of the home
        // page) once took over 20 s on CI's two cores while other test classes were seeding their databases.
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { Timeout = 60_000 });
    }

    /// <summary>Waits until the interactive circuit is up, so clicks reach the server.</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });

    /// <summary>
    /// Chooses files in a Blazor InputFile once its script has hooked the input: files set before that (a tab or
    /// dialog just rendered) raise a change event nobody hears, and the page waits for an upload that never comes.
    /// </summary>
    public static async Task ChooseFilesAsync(this ILocator input, params FilePayload[] files)
    {
        await input.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        await input.Page.WaitForFunctionAsync("el => el._blazorInputFileNextFileId !== undefined", await input.ElementHandleAsync());
        await input.SetInputFilesAsync(files);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<PortalApp>
{
    public const string Name = "browser";
}
