using System.Security.Claims;
using FrontDesk.Channels.Hosting;
using FrontDesk.Tools;
using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;
using FrontDesk.Tools.Text;

namespace FrontDesk.Channels.Staff;

#pragma warning disable CA1056 // plain DTOs of the JSON API
/// <summary>A number's opt-out as the staff API shows it (times local and UTC; <c>since</c> null when texts are allowed).</summary>
internal sealed record StaffOptOut(
    string Phone, string? National, bool OptedOut, string? Since, string? SinceUtc, string? Source, string? Note, string? RecordedBy, string? UpdatedAt,
    string? UpdatedAtUtc, string? ClientId, string? ClientName);
#pragma warning restore CA1056

/// <summary>A change to a number's opt-out sent to the staff API.</summary>
/// <param name="Phone">The number, as staff write it (read in the spa's region).</param>
/// <param name="OptedOut">True to stop texting it; false to text it again (managers and admins, with a note).</param>
/// <param name="Note">Why; required to opt a number back in.</param>
internal sealed record OptOutChange(string? Phone, bool? OptedOut, string? Note);

/// <summary>
/// Staff's view and switch of who may not be texted, shared by the staff API and the console. Any staff role may stop texts to
/// a number; texting a number again is a consent question, for managers and admins, with the reason kept. Every change is
/// audited with the staff member as actor and source <c>staff</c>, through the spa book's <see cref="TextOptOuts"/>.
/// </summary>
internal sealed class StaffOptOuts(SpaDatabase db, TextOptOuts optOuts, SpaProfile profile)
{
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;

    /// <summary>The spa's region (its own number's country): how a number written without a country code is read.</summary>
    private string Region => PhoneNumbers.RegionOf(profile.DefaultLocation.Phone);

    /// <summary>A number as staff typed it, as E.164; null when it is not a phone number.</summary>
    public string? Parse(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return null;
        }
        // In a query string a '+' is a space: "?phone=+14155550100" arrives as " 14155550100" (%2B is the safe way to send it).
        var text = typed.Length > 1 && typed[0] == ' ' && char.IsAsciiDigit(typed[1]) ? "+" + typed[1..] : typed;
        return PhoneNumbers.ToE164(text, Region);
    }

    public static string PhoneProblem => "'phone' must be a phone number, e.g. (415) 555-0100 or +14155550100 (send '+' as %2B in a query string).";

    public async Task<StaffOptOut> StatusAsync(string e164, CancellationToken ct) => View(await optOuts.StatusAsync(e164, ct));

    public async Task<(IReadOnlyList<StaffOptOut> Numbers, int Total)> ListAsync(int page, int pageSize, CancellationToken ct)
    {
        var (numbers, total) = await optOuts.ListAsync((page - 1) * pageSize, pageSize, ct);
        return ([.. numbers.Select(View)], total);
    }

    /// <summary>Records a staff member's change; 400 for a bad number or note, 403 for an opt-in below manager.</summary>
    public async Task<DeskResult> ChangeAsync(string? phone, bool optedOut, string? note, ClaimsPrincipal user, string? conversationId, CancellationToken ct)
    {
        if (InputText.HasForbiddenChars(phone))
        {
            return new DeskResult(DeskOutcome.Invalid, InputRules.ForbiddenText("phone"));
        }
        if (InputText.HasForbiddenChars(note))
        {
            return new DeskResult(DeskOutcome.Invalid, InputRules.ForbiddenText("note"));
        }
        if (Parse(phone) is not { } e164)
        {
            return new DeskResult(DeskOutcome.Invalid, PhoneProblem);
        }
        note = note is null ? null : InputText.StripControl(note).Trim();
        note = string.IsNullOrEmpty(note) ? null : note;
        if (note is { Length: > TextOptOuts.MaxNoteLength })
        {
            return new DeskResult(DeskOutcome.Invalid, $"'note' is longer than {TextOptOuts.MaxNoteLength} characters.");
        }
        if (!optedOut)
        {
            // SECURITY: texting a number again is consent; only managers and admins, and never without the reason.
            if (!user.IsManager())
            {
                return new DeskResult(DeskOutcome.Forbidden, "Texting a number again is for a manager or an admin: it is a consent question.");
            }
            if (note is null)
            {
                return new DeskResult(DeskOutcome.Invalid, "'note' is required to text a number again: say how the client asked (\"asked by phone to get texts again\").");
            }
        }
        bool changed;
        await using (var c = await db.OpenAsync(ct))
        await using (var tx = await db.BeginWriteAsync(c, ct))
        {
            changed = await optOuts.ChangeAsync(c, tx, e164, optedOut, OptOutSource.Staff, note, user.Actor(), conversationId, ct);
            await tx.CommitAsync(ct);
        }
        var status = await StatusAsync(e164, ct);
        return new DeskResult(DeskOutcome.Done, Value: new { status.Phone, status.National, status.OptedOut, status.Since, status.SinceUtc, status.Source, status.Note,
            status.RecordedBy, status.UpdatedAt, status.UpdatedAtUtc, status.ClientId, status.ClientName, changed });
    }

    private StaffOptOut View(TextOptOut o) => new(
        o.Phone, PhoneNumbers.ToNational(o.Phone, Region), o.OptedOut, StaffTime.Local(profile, o.SinceUtc), StaffTime.Utc(o.SinceUtc), o.Source, o.Note,
        o.RecordedBy, StaffTime.Local(profile, o.UpdatedAtUtc), StaffTime.Utc(o.UpdatedAtUtc), o.ClientId, o.ClientName);
}
