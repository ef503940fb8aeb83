using FrontDesk.Tools.Audit;
using FrontDesk.Tools.Text;

namespace FrontDesk.Channels.Staff;

/// <summary>
/// Command-line staff administration: <c>create-admin --email E --password P [--name N] [--force]</c> creates the first
/// admin (refused once an active admin exists, unless <c>--force</c>), <c>create-staff --email E --password P --role R</c>
/// any account, <c>issue-api-key --email E [--label L]</c> an API key for an active account (printed once: how the first
/// admin gets a key for the staff API). Runs after migrations, then exits.
/// </summary>
internal static class StaffCommands
{
    public static readonly string[] Names = ["create-admin", "create-staff", "issue-api-key"];

    /// <summary>The exit code when <paramref name="args"/> is a staff command, else null (serve as usual).</summary>
    public static async Task<int?> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var command = args.FirstOrDefault(a => Names.Contains(a, StringComparer.Ordinal));
        if (command is null)
        {
            return null;
        }
        string? Option(string name)
        {
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] == "--" + name && i + 1 < args.Length)
                {
                    return args[i + 1];
                }
                if (args[i].StartsWith("--" + name + "=", StringComparison.Ordinal))
                {
                    return args[i][(name.Length + 3)..];
                }
            }
            return null;
        }
        var email = Option("email");
        if (command == "issue-api-key")
        {
            return await IssueApiKeyAsync(services, email, Option("label"), output, error, ct);
        }
        var password = Option("password") ?? Environment.GetEnvironmentVariable("FRONTDESK_STAFF_PASSWORD");
        var role = command == "create-admin" ? StaffRole.Admin : Option("role");
        if (email is null || password is null || role is null)
        {
            await error.WriteLineAsync($"usage: {command} --email EMAIL --password PASSWORD{(command == "create-staff" ? " --role ROLE" : "")} [--name NAME]{(command == "create-admin" ? " [--force]" : "")}" +
                " (or the password in FRONTDESK_STAFF_PASSWORD)");
            return 2;
        }
        var accounts = services.GetRequiredService<StaffAccounts>();
        if (command == "create-admin" && !args.Contains("--force", StringComparer.Ordinal) && await accounts.AnyAdminAsync(ct))
        {
            await error.WriteLineAsync("An active admin already exists: sign in as an admin to add accounts (console or POST /api/staff/accounts), " +
                "or run create-admin again with --force to create another admin anyway.");
            return 1;
        }
        var (result, account) = await accounts.CreateAsync(email, Option("name") ?? email, role, password, Actor.System("cli"), ct);
        if (result != AccountError.None)
        {
            await error.WriteLineAsync(StaffApiEndpoints.AccountErrorText(result));
            return 1;
        }
        await output.WriteLineAsync($"Created {account!.Role} {account.Email} ({account.Id}). Sign in at /staff/login.");
        return 0;
    }

    private static async Task<int> IssueApiKeyAsync(IServiceProvider services, string? email, string? label, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (email is null)
        {
            await error.WriteLineAsync("usage: issue-api-key --email EMAIL [--label LABEL]");
            return 2;
        }
        var accounts = services.GetRequiredService<StaffAccounts>();
        if (await accounts.FindByEmailAsync(email, ct) is not { Active: true } account)
        {
            await error.WriteLineAsync($"No active staff account has the email {email}; create it first (create-admin or create-staff).");
            return 1;
        }
        label = string.IsNullOrWhiteSpace(label) ? "cli" : label.Trim();
        if (InputText.HasForbiddenChars(label) || label.Length > 100)
        {
            await error.WriteLineAsync("The label must be at most 100 characters of ordinary text.");
            return 2;
        }
        var (id, key) = await accounts.IssueApiKeyAsync(account.Id, label, Actor.System("cli"), ct);
        // The key is shown once: only its hash is stored.
        await output.WriteLineAsync($"API key {id} for {account.Role} {account.Email} (shown once; only its hash is stored):");
        await output.WriteLineAsync(key);
        return 0;
    }
}
