namespace HauGiang.Portal.Features.Shared.Photos;

/// <summary>What a photo upload turned into: a clean JPEG and its thumbnail, or why it was refused.</summary>
public sealed record PreparedPhoto(byte[] Jpeg, byte[] Thumbnail, int Width, int Height);
