namespace FrontDesk.Channels.Hosting;

/// <summary>Command-line conveniences: <c>--profile PATH</c> is <c>FrontDesk:Profile</c>.</summary>
public static class HostArguments
{
    /// <summary>Rewrites the short options into configuration keys.</summary>
    public static string[] Translate(string[] args)
    {
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--profile" && i + 1 < args.Length)
            {
                result.Add("--FrontDesk:Profile=" + args[++i]);
            }
            else if (args[i].StartsWith("--profile=", StringComparison.Ordinal))
            {
                result.Add("--FrontDesk:Profile=" + args[i]["--profile=".Length..]);
            }
            else
            {
                result.Add(args[i]);
            }
        }
        return [.. result];
    }
}
