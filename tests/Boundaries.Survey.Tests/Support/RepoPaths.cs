namespace Boundaries.Survey.Tests.Support;

/// <summary>Finds the repository root (the folder holding Boundaries.sln) and the shared data beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/data beside the checkout; tests fail (never skip) when it is missing.</summary>
    public static string SharedData
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
            return Directory.Exists(path)
                ? path
                : throw new DirectoryNotFoundException($"shared data not found at {path}; CI lays ../shared beside the checkout");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Boundaries.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Boundaries.sln not found above " + AppContext.BaseDirectory);
    }
}
