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
        var temp = path + ".new";
        await File.WriteAllTextAsync(temp, content, ct);
        try
        {
            if (name == "escalation.yaml")
            {
                EscalationRules.Load(temp);
            }
            else if (name.EndsWith(".yaml", StringComparison.Ordinal))
            {
                TextTemplates.Load(temp);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            File.Delete(temp);
            return new DeskResult(DeskOutcome.Invalid, $"{name} is not valid: {ex.Message}");
        }
        var before = File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : null;
        File.Move(temp, path, overwrite: true);
        await using var c = await db.OpenAsync(ct);
        await AuditLog.WriteAsync(c, null, clock.GetUtcNow().UtcDateTime, user.Actor(), "prompt.edit", "prompt", name, new { content = before }, new { content }, null, ct);
        return new DeskResult(DeskOutcome.Done, Value: new { name, status = "saved", effective = "at the next restart" });
    }
}
