namespace FrontDesk.Eval;

/// <summary>Where the repository and the third-party datasets are, wherever the tool runs from.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the working directory (or the binary) holding FrontDeskAgent.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The scenario folder, tests/scenarios.</summary>
    public static string Scenarios => Path.Combine(Root, "tests", "scenarios");

    /// <summary>
    /// The datasets folder: FRONTDESK_DATASETS when set, else ../shared/datasets next to the repository. The data is
    /// third-party (CC BY-SA / CC BY / CC0) and is read in place, never copied into the repository.
    /// </summary>
    public static string Datasets(string? overridePath = null) =>
        Path.GetFullPath(overridePath ?? Environment.GetEnvironmentVariable("FRONTDESK_DATASETS") ?? Path.Combine(Root, "..", "shared", "datasets"));

    /// <summary>Resolves a profile name: "demo" is profiles/demo.yaml; anything else is a path relative to the root.</summary>
    public static string Profile(string name) => name switch
    {
        "demo" => Path.Combine(Root, "profiles", "demo.yaml"),
        _ => Path.GetFullPath(Path.Combine(Root, name)),
    };

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FrontDeskAgent.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("FrontDeskAgent.sln not found above the working directory or the binary.");
    }
}
