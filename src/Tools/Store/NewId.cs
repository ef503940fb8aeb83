namespace FrontDesk.Tools.Store;

/// <summary>Readable, time-ordered ids with a prefix naming the kind of record (<c>apt_…</c>, <c>cl_…</c>).</summary>
public static class NewId
{
    /// <summary>A new id with the given prefix.</summary>
    public static string For(string prefix) => $"{prefix}_{Guid.CreateVersion7():N}";
}
