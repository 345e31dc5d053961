namespace HauGiang.Portal;

/// <summary>
/// Marker for MudBlazor's own words (pager buttons, date picker, close buttons, "required", file upload) in
/// Resources/MudResource.resx (Vietnamese) and MudResource.en.resx, keyed as MudBlazor names them.
/// </summary>
public sealed class MudResource;
