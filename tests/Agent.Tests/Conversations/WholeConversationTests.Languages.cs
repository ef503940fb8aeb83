using System.Text.Json;
using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Transcripts;
using FrontDesk.TestSupport;

namespace FrontDesk.Agent.Tests.Conversations;

public abstract partial class WholeConversationTests
{
    [StoreFact]
    public async Task The_conversation_language_follows_the_person_and_is_on_the_reply_and_the_transcript()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("lang_a", "web", null, "hola, quiero reservar un masaje para mañana", "ok", "actually, can we do this in English please?");
        Assert.Equal(["es", "es", "en"], replies.Select(r => r.Language));
        var turns = await h.TranscriptAsync("lang_a");
        var tags = turns.Where(t => t.Role is TurnRole.Client or TurnRole.Agent)
            .Select(t => JsonSerializer.Deserialize<TurnTags>(t.TagsJson, ConversationState.Json)!.Language).ToList();
        Assert.Equal(["es", "es", "es", "es", "en", "en"], tags);
    }

    [StoreFact]
    public async Task A_Spanish_booking_reads_back_and_confirms_from_the_Spanish_templates_without_English_days_or_times()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("lang_rb", "voice", AvaPhone,
            "¿Puedo reservar un masaje sueco de 60 minutos con Maya el miércoles a las 2 de la tarde?", "sí", "sí");
        var readBack = replies.Single(r => r.Text!.Contains("¿Se lo reservo?", StringComparison.Ordinal)).Text!;
        Assert.Contains("con Maya Chen el miércoles 25 de noviembre a las 2 p. m. en Mission District", readBack, StringComparison.Ordinal);
        Assert.Contains("quedó reservado", replies[^1].Text, StringComparison.Ordinal);
        foreach (var english in new[] { "Wednesday", "November", " PM", " with ", " on " })
        {
            Assert.All(replies, r => Assert.DoesNotContain(english, r.Text, StringComparison.Ordinal));
        }
        var joined = await h.TalkAsync("lang_wl", "sms", AvaPhone, "me pueden poner en la lista de espera para un hydrafacial del viernes al domingo?");
        Assert.DoesNotContain("Friday", string.Join(" ", joined.Select(r => r.Text)), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task The_latest_conversation_of_a_number_with_turns_is_found_on_any_channel()
    {
        await using var h = await StartAsync();
        const string phone = "+14155557040";
        await h.TalkAsync("latest_a", "sms", phone, "hi, is there parking?");
        h.Book.Clock.Advance(TimeSpan.FromMinutes(5));
        await h.TalkAsync("latest_b", "voice", phone, "hola, tienen estacionamiento?");

        var latest = await h.Conversations.LatestOfCallerAsync(phone, "latest_c", CancellationToken.None);
        var other = await h.Conversations.LatestOfCallerAsync(phone, "latest_b", CancellationToken.None);

        Assert.Equal("latest_b", latest!.Id);
        Assert.Equal("es", latest.ReadState().Language);
        Assert.Equal("latest_a", other!.Id);
        Assert.Null(await h.Conversations.LatestOfCallerAsync("+14155557041", null, CancellationToken.None));
    }

    [StoreFact]
    public async Task The_conversation_language_survives_a_restart()
    {
        await using var h = await StartAsync();
        await h.TalkAsync("lang_b", "sms", AvaPhone, "buenas tardes, tienen citas el viernes?");
        await using var again = await AgentHarness.StartOnSameStoreAsync(h);
        var replies = await again.TalkAsync("lang_b", "sms", AvaPhone, "ok");
        Assert.Equal("es", replies[0].Language);
    }

    [StoreFact]
    public async Task A_language_the_spa_does_not_serve_gets_a_short_reply_and_a_person()
    {
        await using var h = await StartAsync();
        var replies = await h.TalkAsync("lang_c", "web", null, "Bonjour, je voudrais prendre un rendez-vous pour un massage");
        Assert.Contains("English or Spanish", replies[0].Text, StringComparison.Ordinal);
        var escalation = Assert.Single(await h.EscalationsAsync());
        Assert.Equal("human_request", escalation.Category);
        Assert.Contains("je voudrais", escalation.Summary, StringComparison.Ordinal);
        Assert.Empty(await h.AppointmentsAsync());
    }
}
