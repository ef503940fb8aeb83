using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Store;

namespace FrontDesk.Tools.Tests.Book;

// Issue 16: a turn's availability searches read the book's blocking appointments once; never across turns.
public abstract partial class SpaBookTests
{
    // Another conversation (another instance) booking while this turn runs: its write does not run in this turn's flow.
    private static async Task ElsewhereAsync(Func<Task> write)
    {
        Task task;
        using (ExecutionContext.SuppressFlow())
        {
            task = Task.Run(write);
        }
        await task;
    }

    [StoreFact]
    public async Task A_turn_reads_the_blocking_appointments_once_and_the_next_turn_sees_another_conversations_booking()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var ten = Utc(profile, 2026, 11, 24, 10);
        bool MayaAtTen(Availability.Slot s) => s.StaffId == "maya" && s.StartsAtUtc == ten;

        using (TurnReads.Begin())
        {
            var first = await FindAsync(h, "swedish-60", Tuesday, staff: "maya");
            Assert.Contains(first, MayaAtTen);
            await ElsewhereAsync(() => h.Get<AppointmentBook>().InsertAsync(NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", ten), Tester, default));
            // Same turn: what the turn read first, not read again.
            Assert.Equal(first, await FindAsync(h, "swedish-60", Tuesday, staff: "maya"));
        }
        using (TurnReads.Begin())
        {
            Assert.DoesNotContain(await FindAsync(h, "swedish-60", Tuesday, staff: "maya"), MayaAtTen);
        }
    }

    [StoreFact]
    public async Task A_booking_made_in_the_turn_is_seen_by_the_turns_next_search()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var ten = Utc(profile, 2026, 11, 24, 10);
        using var reads = TurnReads.Begin();
        Assert.Contains(await FindAsync(h, "swedish-60", Tuesday, staff: "maya"), s => s.StartsAtUtc == ten);
        await h.Get<AppointmentBook>().InsertAsync(NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", ten), Tester, default);
        Assert.DoesNotContain(await FindAsync(h, "swedish-60", Tuesday, staff: "maya"), s => s.StartsAtUtc == ten);
    }

    [StoreFact]
    public async Task A_narrower_search_in_the_turn_finds_what_it_finds_alone()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        await h.Get<AppointmentBook>().InsertAsync(NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", Utc(profile, 2026, 11, 24, 10)), Tester, default);
        await h.Get<AppointmentBook>().InsertAsync(NewAppointment(profile, "swedish-60", "alex", "mission-massage-2", Utc(profile, 2026, 11, 25, 14)), Tester, default);
        var alone = await FindAsync(h, "swedish-60", Tuesday);
        using var reads = TurnReads.Begin();
        Assert.NotEmpty(await FindAsync(h, "swedish-60", Monday, Monday.AddDays(13)));
        Assert.Equal(alone, await FindAsync(h, "swedish-60", Tuesday));
    }

    // Round 35: the search reads only its providers' and rooms' appointments; the others' cannot block its openings.
    [StoreFact]
    public async Task The_blocking_read_holds_the_searched_services_providers_and_rooms_and_nobody_elses()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var book = h.Get<AppointmentBook>();
        var ten = Utc(profile, 2026, 11, 24, 10);
        var maya = NewAppointment(profile, "swedish-60", "maya", "mission-massage-1", ten);
        var priya = NewAppointment(profile, "signature-facial", "priya", "mission-facial-1", ten);
        // Not a massage provider, but in a massage room: blocks the room.
        var alex = NewAppointment(profile, "botox", "alex", "mission-massage-2", ten);
        foreach (var a in new[] { maya, priya, alex })
        {
            await book.InsertAsync(a, Tester, default);
        }
        var (from, to) = (ten.AddHours(-3), ten.AddHours(3));

        var massage = await book.ListBlockingAsync(from, to, BlockingScope.Of(profile, profile.FindService("swedish-60")!), default);
        Assert.Equal(new[] { alex.Id, maya.Id }.Order(StringComparer.Ordinal), massage.Select(a => a.Id).Order(StringComparer.Ordinal));
        var both = await book.ListBlockingAsync(from, to, BlockingScope.Of(profile, profile.FindService("swedish-60")!, profile.FindService("signature-facial")!), default);
        Assert.Equal(new[] { alex.Id, maya.Id, priya.Id }.Order(StringComparer.Ordinal), both.Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task A_providers_appointment_in_a_room_of_another_kind_still_blocks_them()
    {
        await using var h = await StartAsync();
        var profile = h.Get<SpaProfile>();
        var ten = Utc(profile, 2026, 11, 24, 10);
        Assert.Contains(await FindAsync(h, "laser-resurfacing", Tuesday, staff: "dr-kim"), s => s.StartsAtUtc == ten);
        // Botox in the injection room: not a room a resurfacing needs, but Dr. Kim is busy.
        await h.Get<AppointmentBook>().InsertAsync(NewAppointment(profile, "botox", "dr-kim", "mission-injection-1", ten), Tester, default);
        Assert.DoesNotContain(await FindAsync(h, "laser-resurfacing", Tuesday, staff: "dr-kim"), s => s.StartsAtUtc < ten.AddMinutes(40) && s.StartsAtUtc.AddMinutes(90) > ten);
        Assert.NotEmpty(await FindAsync(h, "laser-resurfacing", Tuesday, staff: "dr-kim"));
    }

    [StoreFact]
    public async Task A_turn_reads_a_client_once_until_it_writes_and_the_next_turn_reads_it_again()
    {
        await using var h = await StartAsync();
        var clients = h.Get<FrontDesk.Tools.Clients.ClientDirectory>();
        var ava = (await clients.GetAsync("c-ava", default))!;
        async Task RenameElsewhereAsync(string name) => await ElsewhereAsync(async () =>
        {
            await using var c = await h.Get<SpaDatabase>().OpenAsync(default);
            await Dapper.SqlMapper.ExecuteAsync(c, "UPDATE clients SET name = @name WHERE id = 'c-ava'", new { name });
        });

        using (TurnReads.Begin())
        {
            Assert.Equal(ava.Name, (await clients.GetAsync("c-ava", default))!.Name);
            await RenameElsewhereAsync("Ava Elsewhere");
            // Same turn: the client as the turn read it, not read again.
            Assert.Equal(ava.Name, (await clients.GetAsync("c-ava", default))!.Name);
            // A write in the turn drops it: the turn sees its own writes.
            await clients.SetLanguageAsync("c-ava", "es", Tester, null, default);
            var after = (await clients.GetAsync("c-ava", default))!;
            Assert.Equal(("Ava Elsewhere", "es"), (after.Name, after.Language));
        }
        await RenameElsewhereAsync("Ava Later");
        using (TurnReads.Begin())
        {
            Assert.Equal("Ava Later", (await clients.GetAsync("c-ava", default))!.Name);
        }
        // Outside a turn nothing is kept.
        await RenameElsewhereAsync("Ava Outside");
        Assert.Equal("Ava Outside", (await clients.GetAsync("c-ava", default))!.Name);
    }
}
