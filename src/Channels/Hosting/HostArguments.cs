namespace FrontDesk.Channels.Hosting;

/// <summary>Command-line conveniences: <c>--profile PATH</c> is <c>FrontDesk:Profile</c>.</summary>
public static class HostArguments
{
    /// <summary>Rewrites the short options into configuration keys; null (with the reason on <paramref name="errors"/>) when one is incomplete.</summary>
    public static string[]? Translate(string[] args, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(errors);
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            string? profile = null;
            if (args[i] == "--profile")
            {
                profile = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "";
            }
            else if (args[i].StartsWith("--profile=", StringComparison.Ordinal))
            {
                profile = args[i]["--profile=".Length..];
            }
            if (profile is null)
            {
                result.Add(args[i]);
                continue;
            }
            if (string.IsNullOrWhiteSpace(profile))
            {
                errors.WriteLine("Start-up failed: --profile needs a PATH to a spa profile (YAML), e.g. --profile profiles/demo.yaml.");
                return null;
            }
            result.Add("--FrontDesk:Profile=" + profile);
        }
        return [.. result];
    }

    /// <summary>
    /// True when <paramref name="word"/> is on the command line as a bare word (not the value of a preceding
    /// <c>--key value</c> option), e.g. <c>chat</c> in <c>--profile x.yaml chat</c> or <c>chat --urls=…</c>.
    /// </summary>
    public static bool HasBareWord(string[] args, string word)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Length; i++)
        {
            var takesValue = args[i].StartsWith('-') && !args[i].Contains('=', StringComparison.Ordinal);
            if (takesValue)
            {
                i++; // "--key value": the next argument is the value
            }
            else if (args[i] == word)
            {
                return true;
            }
        }
        return false;
    }
}
