namespace Koppel.Browser.Tests;

/// <summary>Saves what a page looks like to artifacts/screenshots/&lt;name&gt;.png, for people reviewing a CI run.</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png"),
            FullPage = true,
            // Finish transitions (sidebar slide, dialog fade-in) so the picture shows the settled page.
            Animations = ScreenshotAnimations.Disabled,
        });
    }
}
