namespace HauGiang.Portal.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
