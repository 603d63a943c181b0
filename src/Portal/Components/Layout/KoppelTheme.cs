using MudBlazor;

namespace Koppel.Portal.Components.Layout;

/// <summary>The portal's one theme, in a light and a dark palette. Colours of outcomes come from it too.</summary>
public static class KoppelTheme
{
    /// <summary>The cookie that remembers the reader's choice, so the first (prerendered) paint is already right.</summary>
    public const string Cookie = "koppel-theme";

    private static readonly string[] Fonts = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00897b",
            Tertiary = "#5e35b1",
            Info = "#1e88e5",
            Success = "#2e7d32",
            Warning = "#ef6c00",
            Error = "#d32f2f",
            Background = "#f5f6fa",
            Surface = "#ffffff",
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2433",
            DrawerBackground = "#ffffff",
            DrawerText = "#3b4252",
            DrawerIcon = "#5c6579",
            TextPrimary = "#1f2433",
            TextSecondary = "#5c6579",
            LinesDefault = "#e3e6ee",
            TableLines = "#e9ecf3",
            Divider = "#e3e6ee",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8c9eff",
            Secondary = "#4db6ac",
            Tertiary = "#b39ddb",
            Info = "#64b5f6",
            Success = "#66bb6a",
            Warning = "#ffa726",
            Error = "#ef5350",
            Background = "#14161d",
            Surface = "#1d2029",
            AppbarBackground = "#1d2029",
            AppbarText = "#e6e8ef",
            DrawerBackground = "#1a1c24",
            DrawerText = "#c9cdd8",
            DrawerIcon = "#9aa1b2",
            TextPrimary = "#e6e8ef",
            TextSecondary = "#a3a9b8",
            LinesDefault = "#2e3240",
            TableLines = "#2e3240",
            Divider = "#2e3240",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = ".9rem" },
            H4 = new H4Typography { FontFamily = Fonts, FontSize = "1.75rem", FontWeight = "600", LineHeight = "1.3" },
            H5 = new H5Typography { FontFamily = Fonts, FontSize = "1.3rem", FontWeight = "600", LineHeight = "1.35" },
            H6 = new H6Typography { FontFamily = Fonts, FontSize = "1.05rem", FontWeight = "600", LineHeight = "1.4" },
            Button = new ButtonTypography { FontFamily = Fonts, FontWeight = "600", TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", DrawerWidthLeft = "240px" },
    };
}
