using FrontDesk.Tools.Clients;
using FrontDesk.Tools.Store;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// "Stop texting me" said from a number the channel vouches for (a call's caller ID) is recorded as that number's opt-out with
/// the turn; said where the number is not proven (the web chat) the team is told and nothing is recorded. English and Spanish.
/// </summary>
public sealed class TextsStoppedTests
{
    [Theory]
    [InlineData("+14155553030", "yeah hi can u stop texting me? i get like 3 a day lol", "won't text this number any more")]
    [InlineData("+14155553031", "oiga, ya no me manden mensajes por favor", "ya no le enviaremos mensajes a este número")]
    public async Task A_caller_asking_to_stop_texts_is_opted_out_told_so_and_the_team_is_told(string caller, string said, string expected)
    {
        await using var h = await AgentHarness.StartAsync();
        var reply = (await h.TalkAsync("CA_stop_" + caller[^4..], "voice", caller, said))[0];

        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Equal("human_request", reply.Escalation?.Category);
        Assert.False(reply.Escalation!.AskedForPerson);
        var status = await h.Book.Get<TextOptOuts>().StatusAsync(caller, CancellationToken.None);
        Assert.True(status.OptedOut);
        Assert.Equal(OptOutSource.VoiceRequest, status.Source);
        Assert.Equal("client:" + caller, status.RecordedBy);
        await using var c = await h.Book.Get<SpaDatabase>().OpenAsync(CancellationToken.None);
        Assert.True(await TextOptOuts.IsOptedOutAsync(c, null, caller, CancellationToken.None));
    }

    // Round 34: by text the channel's own words take a short request; a longer one reaches the agent, which records it like a
    // call's (source keyword, as the channel records those) and answers the way STOP's confirmation does: how to opt back in.
    [Theory]
    [InlineData("+14155553040", "hey its maria, the facial on saturday is all good thanks, but can you guys please quit texting me every single day, its too much", "Reply START")]
    [InlineData("+14155553041", "hola soy maria, lo del facial del sábado está bien gracias, pero ya no me manden mensajes todos los días por favor, es demasiado", "Responda COMENZAR")]
    public async Task By_text_the_opt_out_is_recorded_with_the_turn_and_the_answer_says_how_to_opt_back_in(string sender, string said, string expected)
    {
        await using var h = await AgentHarness.StartAsync();
        var reply = (await h.TalkAsync("sms_stop_" + sender[^4..], "sms", sender, said))[0];

        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Equal("human_request", reply.Escalation?.Category);
        var status = await h.Book.Get<TextOptOuts>().StatusAsync(sender, CancellationToken.None);
        Assert.True(status.OptedOut);
        Assert.Equal(OptOutSource.Keyword, status.Source);
        Assert.Equal("client:" + sender, status.RecordedBy);
    }

    // Round 35: a request to stop beside a complaint about deals and promotions. The complaint's words matched a manager's
    // category first, so nothing was recorded (round 34's Left). Stopping the texts is what was asked, whatever the wording or
    // the language: recorded with the turn, confirmed, and the manager still gets the complaint (the category the rules chose).
    [Theory]
    [InlineData("sms", "+14155553050", "quit texting me every single day about your deals and promos, i never signed up for this and its honestly getting annoying", "Reply START", OptOutSource.Keyword)]
    [InlineData("sms", "+14155553051", "dejen de mandarme mensajes con sus promociones todos los días, nunca me inscribí a nada de eso y ya me tienen harta la verdad", "Responda COMENZAR", OptOutSource.Keyword)]
    [InlineData("voice", "+14155553052", "quit texting me every single day about your deals and promos, i never signed up for this", "won't text this number any more", OptOutSource.VoiceRequest)]
    [InlineData("voice", "+14155553053", "dejen de mandarme mensajes con sus promociones todos los días, nunca me inscribí", "ya no le enviaremos mensajes a este número", OptOutSource.VoiceRequest)]
    public async Task A_stop_beside_a_complaint_about_deals_is_recorded_confirmed_and_the_manager_still_hears_of_it(string channel, string from, string said, string expected,
        string source)
    {
        await using var h = await AgentHarness.StartAsync();
        var reply = (await h.TalkAsync(channel + "_promo_" + from[^4..], channel, from, said))[0];

        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        // Told to a person: the category the rules give the whole message (a manager's, for deals and promotions).
        Assert.Equal("pricing", reply.Escalation?.Category);
        Assert.False(reply.Escalation!.AskedForPerson);
        var status = await h.Book.Get<TextOptOuts>().StatusAsync(from, CancellationToken.None);
        Assert.True(status.OptedOut);
        Assert.Equal(source, status.Source);
        Assert.Equal("client:" + from, status.RecordedBy);
    }

    [Theory]
    [InlineData("stop texting me", "reply STOP")]
    [InlineData("ya no me manden mensajes", "responda ALTO")]
    public async Task On_the_web_the_team_is_told_and_nothing_is_recorded(string said, string expected)
    {
        await using var h = await AgentHarness.StartAsync();
        var reply = (await h.TalkAsync("web_stop_texts", "web", null, said))[0];

        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Equal("human_request", reply.Escalation?.Category);
        Assert.Equal(0, (await h.Book.Get<TextOptOuts>().ListAsync(0, 10, CancellationToken.None)).Total);
    }
}
