namespace HauGiang.Portal.Domain;

/// <summary>Why a unit was chosen, for the "test a point" tool and the timeline.</summary>
public enum RoutingReason
{
    Rule,
    WardDefault,
    CategoryDefault,
    Unroutable,
}
