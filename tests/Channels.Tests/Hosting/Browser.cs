using Microsoft.Playwright;

namespace FrontDesk.Channels.Tests.Hosting;

/// <summary>
/// A browser test: runs in Debian's Chromium (<c>/usr/bin/chromium</c>, or <c>FRONTDESK_CHROMIUM</c>). Skipped, with
/// the reason, only when Chromium is missing on a developer machine; under CI (<c>CI=true</c>) it always runs and a
/// missing browser fails it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason when no browser is installed outside CI.</summary>
    public BrowserFactAttribute()
    {
        if (!File.Exists(Browser.ExecutablePath) && !Browser.Required)
        {
            Skip = $"Chromium not found at {Browser.ExecutablePath} (apt-get install chromium); required under CI.";
        }
    }
}

/// <summary>Launches headless Chromium through Playwright and keeps test artifacts (screenshots).</summary>
public static class Browser
{
    /// <summary>The Chromium binary Playwright launches.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("FRONTDESK_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>True under CI: browser tests must run.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Folder for screenshots: <c>FRONTDESK_TEST_ARTIFACTS</c>, or <c>artifacts/screenshots</c> at the repository root
    /// (ignored by git).
    /// </summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("FRONTDESK_TEST_ARTIFACTS") is { Length: > 0 } configured
                ? configured
                : Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    /// <summary>Starts Playwright and a headless Chromium.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        return (playwright, browser);
    }

    /// <summary>Saves a full-page screenshot under <see cref="ArtifactsDirectory"/> and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ArtifactsDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FrontDeskAgent.sln")))
            {
                return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}
