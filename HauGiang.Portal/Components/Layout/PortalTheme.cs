using MudBlazor;

namespace HauGiang.Portal.Components.Layout;

/// <summary>
/// The portal's colours: a calm government blue with the state colours officers learn once. Every colour that
/// carries text is dark enough for WCAG 2.1 AA (4.5:1) with white text on it and as text on white or on the page
/// background (#f5f7fa): MudBlazor's defaults (info #2196f3, success #00c853, warning #ff9800, error #f44336, secondary
/// text 54% black) are not, and axe-core found them on every page (AccessibilityTests). Ratios on white: primary 8.6,
/// info 5.3, success 5.1, warning 5.3, error 5.6, secondary text 6.2.
/// </summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0d47a1",
            Secondary = "#c62828",
            AppbarBackground = "#0d47a1",
            Background = "#f5f7fa",
            DrawerBackground = "#ffffff",
            Info = "#0270b0",
            Success = "#2e7d32",
            Warning = "#a85400",
            Error = "#c62828",
            TextSecondary = "#616161",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "Noto Sans", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
