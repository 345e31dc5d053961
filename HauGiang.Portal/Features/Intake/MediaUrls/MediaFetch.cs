namespace HauGiang.Portal.Features.Intake.MediaUrls;

/// <summary>The bytes of an image, or the resource key (and argument) of why it was not fetched.</summary>
public sealed record MediaFetch(byte[]? Bytes, string? ErrorKey, string? Argument = null)
{
    public static MediaFetch Refused(string key, string? argument = null) => new(null, key, argument);
}
