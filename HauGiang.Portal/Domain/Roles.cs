namespace HauGiang.Portal.Domain;

/// <summary>The four roles of the portal. Names are stored in Identity; keep them stable.</summary>
public static class Roles
{
    public const string Officer = "Officer";
    public const string DepartmentHead = "DepartmentHead";
    public const string Coordinator = "Coordinator";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Officer, DepartmentHead, Coordinator, Admin];
}
