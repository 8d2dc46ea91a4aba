namespace Boundaries.Store.Tests.Support;

/// <summary>The repository root: the nearest directory above the test binaries that holds Boundaries.sln.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Boundaries.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Boundaries.sln not found above " + AppContext.BaseDirectory);
    }
}
