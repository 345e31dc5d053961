namespace HauGiang.Portal.Features.Admin;

public sealed record RoutingGrid(
    IReadOnlyList<RoutingCategory> Categories,
    IReadOnlyList<RoutingArea> Areas,
    IReadOnlyDictionary<int, RoutingUnit> Units,
    IReadOnlyDictionary<(int CategoryId, int AreaId), RoutingCell> Cells)
{
    public RoutingCell Cell(int categoryId, int areaId) => Cells[(categoryId, areaId)];
}
