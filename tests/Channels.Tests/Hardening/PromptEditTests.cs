using System.Net;
using System.Text;
using System.Text.Json;
using FrontDesk.Channels.Staff;
using FrontDesk.Channels.Tests.Staff;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Text;

namespace FrontDesk.Channels.Tests.Hardening;

/// <summary>Issue 15, item 8: prompt edits racing each other are each whole, validated, and answered 200 or 400.</summary>
public sealed class PromptEditTests
{
    [Fact]
    public async Task Valid_and_invalid_edits_sent_at_once_get_only_200_or_400_and_the_file_is_one_valid_version()
    {
        var prompts = Path.Combine(Path.GetTempPath(), "frontdesk-prompts-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(prompts);
        foreach (var file in Directory.GetFiles(TestFiles.Prompts))
        {
            File.Copy(file, Path.Combine(prompts, Path.GetFileName(file)));
        }
        try
        {
            await using var h = await StaffHarness.StartAsync(TestStore.Sqlite, new() { ["FrontDesk:Prompts"] = prompts });
            var path = Path.Combine(prompts, "staff.yaml");
            var current = await File.ReadAllTextAsync(path);
            var valid = Enumerable.Range(0, 16).Select(i => current.Replace("will reply to you personally", $"will reply personally (edit {i})", StringComparison.Ordinal)).ToList();
            // Broken YAML, and a version that drops a message the host needs.
            var invalid = new[] { "staff_joined: [unclosed", "staff_joined: \"only this one\"\n", "" };
            var requests = valid.Select(c => (Content: c, Valid: true)).Concat(invalid.Select(c => (Content: c, Valid: false)))
                .OrderBy(_ => Random.Shared.Next()).ToList();
            var answers = await Task.WhenAll(requests.Select(r => Task.Run(async () =>
            {
                using var manager = h.As(StaffRole.Manager);
                using var body = new StringContent(JsonSerializer.Serialize(new { content = r.Content }), Encoding.UTF8, "application/json");
                using var response = await manager.PutAsync(new Uri("/api/staff/prompts/staff.yaml", UriKind.Relative), body);
                return (r.Valid, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
            })));

            foreach (var (isValid, status, text) in answers)
            {
                Assert.True(status == (isValid ? HttpStatusCode.OK : HttpStatusCode.BadRequest), $"{(isValid ? "valid" : "invalid")}: {(int)status} {text}");
            }
            var saved = await File.ReadAllTextAsync(path);
            Assert.Contains(saved, valid);
            Assert.Equal(TextTemplates.Load(Path.Combine(TestFiles.Prompts, "staff.yaml")).Names.Order(), TextTemplates.Load(path).Names.Order());
            Assert.DoesNotContain(Directory.GetFiles(prompts), f => !f.EndsWith(".yaml", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(prompts, recursive: true);
        }
    }
}
