namespace HauGiang.Portal.Domain;

/// <summary>
/// Which dimensions a <see cref="DashboardCounter"/> row keeps (decision 019). Every report change is counted at all
/// three grains in the same statement; a reader takes the smallest grain that holds every dimension its filter and its
/// grouping need. A dimension a grain drops is stored as its "none" value (0, or "" for the officer).
/// </summary>
public enum DashboardCounterGrain
{
    /// <summary>Day × unit × category × area × officer: any filter, any grouping.</summary>
    Detail = 0,

    /// <summary>Day × unit × category × area: the province's and a unit's views without an officer.</summary>
    Place = 1,

    /// <summary>Day × unit × officer: the officer table, and the days' totals when no category or area is asked.</summary>
    Officer = 2,
}
