namespace HauGiang.Portal.Domain;

/// <summary>The role a user acts in on one report, after scope is settled.</summary>
public enum ActingRole
{
    /// <summary>An officer of the responsible unit.</summary>
    UnitOfficer,

    /// <summary>The head of the responsible unit (lãnh đạo đơn vị).</summary>
    UnitHead,

    /// <summary>Province coordinators (and admins), who see every report.</summary>
    Coordinator,
}
