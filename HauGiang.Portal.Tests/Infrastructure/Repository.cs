namespace HauGiang.Portal.Tests.Infrastructure;

/// <summary>Where the repository is, for tests that read its files (docs, sources, the built app).</summary>
public static class Repository
{
    /// <summary>The folder of HauGiang.Portal.sln, found above the tests' bin folder.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HauGiang.Portal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HauGiang.Portal.sln not found above " + AppContext.BaseDirectory);
    }
}
