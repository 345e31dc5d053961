using System.Collections.Concurrent;
using System.Reflection;
using MudBlazor;

namespace HauGiang.Portal.Features.Admin;

/// <summary>Category icons are stored by Material icon name ("Delete"); this turns a name into MudBlazor's SVG.</summary>
public static class CategoryIcons
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>Names offered in the form (any other Material icon name is accepted too).</summary>
    public static readonly IReadOnlyList<string> Suggested =
    [
        "Storefront", "Construction", "Campaign", "Delete", "Water", "VolumeUp", "LocalFireDepartment", "AddRoad", "Lightbulb",
        "Flood", "Park", "Traffic", "LocalPolice", "LocalParking", "Restaurant", "Coronavirus", "School", "ElectricBolt",
        "Plumbing", "HelpOutline", "Report", "Pets", "DirectionsBus", "Forest", "Warning", "Home", "Agriculture", "Sailing",
    ];

    public static string Svg(string? name) =>
        Cache.GetOrAdd(name ?? "", n => typeof(Icons.Material.Filled).GetField(n, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string
            ?? Icons.Material.Filled.Report);

    public static bool Exists(string? name) =>
        name is { Length: > 0 } && typeof(Icons.Material.Filled).GetField(name, BindingFlags.Public | BindingFlags.Static) is not null;
}
