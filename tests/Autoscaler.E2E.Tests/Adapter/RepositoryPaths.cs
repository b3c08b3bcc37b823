namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>Finds files of the repository from the test output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autoscaler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Autoscaler.sln not found above " + AppContext.BaseDirectory);
    }
}
