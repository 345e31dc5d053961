namespace HauGiang.Portal.Features.Admin;

public sealed record AreaForm(int Id, string Name, double CenterLatitude, double CenterLongitude);
