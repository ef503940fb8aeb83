using FrontDesk.TestSupport;
using FrontDesk.Tools.Outbox;

namespace FrontDesk.Tools.Tests.Book;

public abstract partial class SpaBookTests
{
    [StoreFact]
    public async Task New_sessions_cannot_text_a_phone_more_than_three_codes_an_hour_or_ten_a_day()
    {
        await using var h = await StartAsync();

        var results = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(Status(await CallAsync(h, SpaBookHarness.Scope("web"), "send_verification_code", ("phone", AvaPhone))));
            h.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(["ok", "ok", "ok", "refused", "refused"], results);
        var refusal = await CallAsync(h, SpaBookHarness.Scope("web"), "send_verification_code", ("phone", AvaPhone));
        Assert.Contains("last hour", Prop(refusal, "message").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, await CountAsync(h, "SELECT COUNT(*) FROM outbox WHERE kind = @k AND to_address = @p", new { k = MessageKind.VerificationCode, p = AvaPhone }));

        // Another number is not affected.
        Assert.Equal("ok", Status(await CallAsync(h, SpaBookHarness.Scope("web"), "send_verification_code", ("phone", BenPhone))));

        // Hour after hour: ten in a day, then refused until a day has passed.
        var sent = 3;
        while (sent < 12)
        {
            h.Clock.Advance(TimeSpan.FromMinutes(61));
            if (Status(await CallAsync(h, SpaBookHarness.Scope("web"), "send_verification_code", ("phone", AvaPhone))) != "ok")
            {
                break;
            }
            sent++;
        }
        Assert.Equal(10, sent);
        var daily = await CallAsync(h, SpaBookHarness.Scope("web"), "send_verification_code", ("phone", AvaPhone));
        Assert.Contains("daily limit", Prop(daily, "message").GetString(), StringComparison.Ordinal);

        h.Clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal("ok", Status(await CallAsync(h, SpaBookHarness.Scope("web"), "send_verification_code", ("phone", AvaPhone))));
    }

    [StoreFact]
    public async Task One_conversation_cannot_text_more_than_three_codes_whatever_the_numbers()
    {
        await using var h = await StartAsync();
        var web = SpaBookHarness.Scope("web");

        Assert.Equal("ok", Status(await CallAsync(h, web, "send_verification_code", ("phone", AvaPhone))));
        Assert.Equal("ok", Status(await CallAsync(h, web, "send_verification_code", ("phone", BenPhone))));
        Assert.Equal("ok", Status(await CallAsync(h, web, "send_verification_code", ("phone", ChloePhone))));
        h.Clock.Advance(TimeSpan.FromHours(2));
        var fourth = await CallAsync(h, web, "send_verification_code", ("phone", DiegoPhone));

        Assert.Equal("refused", Status(fourth));
        Assert.Contains("this chat", Prop(fourth, "message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(h, "SELECT COUNT(*) FROM outbox WHERE to_address = @p", new { p = DiegoPhone }));
    }

    [StoreFact]
    public async Task Wrong_codes_are_capped_per_phone_across_codes_and_sessions()
    {
        await using var h = await StartAsync(extra: new() { ["FrontDesk:Verification:CodesPerPhonePerHour"] = "20", ["FrontDesk:Verification:CodesPerPhonePerDay"] = "20" });

        // Each new session gets a new code and three tries, but the phone has ten wrong codes a day in all.
        var wrongTyped = 0;
        string? lastCode = null;
        ConversationScope? last = null;
        for (var session = 0; session < 4; session++)
        {
            last = SpaBookHarness.Scope("web");
            Assert.Equal("ok", Status(await CallAsync(h, last, "send_verification_code", ("phone", AvaPhone))));
            lastCode = await LatestCodeAsync(h, AvaPhone);
            var wrong = lastCode == "000000" ? "111111" : "000000";
            for (var i = 0; i < 3 && wrongTyped < 10; i++)
            {
                Assert.Equal("refused", Status(await CallAsync(h, last, "verify_phone", ("code", wrong))));
                wrongTyped++;
            }
            h.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(10, wrongTyped);

        // The fourth session still had two tries on its code, but the phone is out of guesses: even the right code fails.
        Assert.Equal("refused", Status(await CallAsync(h, last!, "verify_phone", ("code", lastCode))));
        Assert.Null(last!.VerifiedPhone);
        var fresh = await CallAsync(h, SpaBookHarness.Scope("web"), "send_verification_code", ("phone", AvaPhone));
        Assert.Equal("refused", Status(fresh));
        Assert.Contains("wrong codes", Prop(fresh, "message").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, await CountAsync(h, "SELECT COUNT(*) FROM audit_log WHERE action = 'phone.verify_failed' AND entity_id = @p", new { p = AvaPhone }));

        // A day later the number may try again.
        h.Clock.Advance(TimeSpan.FromHours(25));
        var next = SpaBookHarness.Scope("web");
        Assert.Equal("ok", Status(await CallAsync(h, next, "send_verification_code", ("phone", AvaPhone))));
        Assert.Equal("ok", Status(await CallAsync(h, next, "verify_phone", ("code", await LatestCodeAsync(h, AvaPhone)))));
        Assert.Equal(AvaPhone, next.VerifiedPhone);
    }
}
