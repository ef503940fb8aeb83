namespace FrontDesk.Tools.Profile;

/// <summary>A profile that breaks a rule of the format; names the file, the line and the field.</summary>
public sealed class SpaProfileException : Exception
{
    /// <summary>Creates the error.</summary>
    public SpaProfileException(string file, long line, string field, string problem)
        : base($"{file}:{line}: {field}: {problem}")
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    /// <summary>The profile file.</summary>
    public string File { get; }
    /// <summary>1-based line of the offending node.</summary>
    public long Line { get; }
    /// <summary>Dotted path of the field, e.g. <c>services[2].room_type</c>.</summary>
    public string Field { get; }
    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
