namespace HauGiang.Portal.Features.Shared.Photos;

/// <summary>An upload checked and re-encoded (<see cref="Photo"/>), or refused with a resource key (<see cref="ErrorKey"/>).</summary>
public sealed record PhotoCheck(PreparedPhoto? Photo, string? ErrorKey, string? Argument = null)
{
    public bool Succeeded => Photo is not null;

    public static PhotoCheck Refused(string key, string? argument = null) => new(null, key, argument);
}
