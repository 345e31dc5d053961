namespace HauGiang.Portal.Domain;

/// <summary>Where a category is handled when no routing rule says otherwise.</summary>
public enum HandlingLevel
{
    /// <summary>By the ward/commune unit of the area the point falls in.</summary>
    Ward = 0,

    /// <summary>By the category's default unit (a department or service company).</summary>
    Department = 1,
}
