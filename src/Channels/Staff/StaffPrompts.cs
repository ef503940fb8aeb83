using System.Security.Claims;
using FrontDesk.Agent.Screening;
using FrontDesk.Tools;
using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Store;
using FrontDesk.Tools.Text;
using Microsoft.Extensions.Options;

namespace FrontDesk.Channels.Staff;

/// <summary>
/// The editable wording in prompts/ (system prompt, replies, messages, escalation rules, staff wording), for managers.
/// A new version is checked by the same loader the host uses before it replaces the file; the old and new text go to
/// the audit log. The agent reads prompts at start-up, so changes take effect at the next restart.
/// </summary>
internal sealed class StaffPrompts(IOptions<SpaBookOptions> options, IWebHostEnvironment env, SpaDatabase db, TimeProvider clock)
{
    public const int MaxChars = 200_000;
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string[] Editable = ["system.md", "replies.yaml", "messages.yaml", "escalation.yaml", "staff.yaml"];

    private string? PathOf(string name) =>
        Editable.Contains(name, StringComparer.Ordinal) ? Path.Combine(ToolsServiceCollectionExtensions.ResolvePath(options.Value.Prompts, env.ContentRootPath), name) : null;

    public async Task<string?> ReadAsync(string name, CancellationToken ct) =>
        PathOf(name) is { } path && File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : null;

    public async Task<DeskResult> WriteAsync(string name, string? content, ClaimsPrincipal user, CancellationToken ct)
    {
        if (PathOf(name) is not { } path)
        {
            return DeskResult.NotFound;
        }
        if (string.IsNullOrWhiteSpace(content) || content.Length > MaxChars)
        {
            return new DeskResult(DeskOutcome.Invalid, $"'content' is required and at most {MaxChars} characters.");
        }
        // One edit at a time in this instance; each writes its own temp file and replaces the live file with an atomic
        // rename, so an instance elsewhere on the same folder can never see (or leave) a half-written or mixed file.
        string? before;
        await Gate.WaitAsync(ct);
        try
        {
            var temp = $"{path}.{Guid.NewGuid():N}.tmp";
            try
            {
                await File.WriteAllTextAsync(temp, content, ct);
                before = File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : null;
                if (Validate(name, temp, path) is { } problem)
                {
                    return new DeskResult(DeskOutcome.Invalid, $"{name} is not valid: {problem}");
                }
                File.Move(temp, path, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }
        }
        finally
        {
            Gate.Release();
        }
        await using var c = await db.OpenAsync(ct);
        await AuditLog.WriteAsync(c, null, clock.GetUtcNow().UtcDateTime, user.Actor(), "prompt.edit", "prompt", name, new { content = before }, new { content }, null, ct);
        return new DeskResult(DeskOutcome.Done, Value: new { name, status = "saved", effective = "at the next restart" });
    }

    /// <summary>
    /// Why the new version at <paramref name="candidate"/> may not replace <paramref name="live"/>, or null: it must load with the
    /// loader the host uses, and a message file must keep every message the current version has (the host renders them by name).
    /// </summary>
    private static string? Validate(string name, string candidate, string live)
    {
        try
        {
            if (name == "escalation.yaml")
            {
                EscalationRules.Load(candidate);
            }
            else if (name.EndsWith(".yaml", StringComparison.Ordinal))
            {
                var names = TextTemplates.Load(candidate);
                var missing = File.Exists(live) ? TextTemplates.Load(live).Names.Where(n => !names.Has(n)).ToList() : [];
                if (missing.Count > 0)
                {
                    return $"it drops {string.Join(", ", missing)}, which the host needs.";
                }
            }
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return ex.Message;
        }
    }
}
