using MudBlazor;

namespace HauGiang.Portal.Components.Layout;

/// <summary>The portal's colours: a calm government blue with the state colours officers learn once.</summary>
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
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "Noto Sans", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
