namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 19 of issue 12's understanding (the lead), written before the code from hand-written first messages: short
/// questions about one's own visit that name nothing of the spa's (an ID, a membership, a doctor's note, water after,
/// smoking there, what to take off), a requirement asked of an entry that only says what is offered, and questions
/// whose words are near a service, an appointment or a privacy rule. Demo profile, Monday 2026-11-23 08:00 Los Angeles,
/// SQLite.
/// </summary>
public sealed class RoundNineteenConversationTests
{
    // Asked of the spa with nothing else named: the spa's matter, answered or noted for the team; never declined, never
    // a search, a look at appointments or a write.
    [Theory]
    [InlineData("do i need an id")]
    [InlineData("should i drink water after")]
    [InlineData("is smoking allowed there")]
    [InlineData("do i have to be a member to book")]
    [InlineData("is there somewhere to lock up my bike")]
    [InlineData("is it ok if i come in my gym clothes")]
    [InlineData("do i need a doctors note")]
    [InlineData("is it ok to drink alcohol the night before")]
    [InlineData("do i have to take everything off")]
    [InlineData("can i keep my underwear on")]
    [InlineData("can i wear makeup to my appointment")]
    [InlineData("can i come in with wet hair")]
    [InlineData("do i have to sign a waiver")]
    [InlineData("will there be other people in the room")]
    [InlineData("is it awkward if i fall asleep")]
    [InlineData("necesito ser miembro?")]
    [InlineData("se puede fumar ahi?")]
    [InlineData("necesito identificacion?")]
    public async Task A_question_about_ones_own_visit_is_the_spas(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.DoesNotContain("I can only help", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("solo puedo ayudarle", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("stick to what I know", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name is "check_availability" or "list_appointments" || Tools.SpaTools.WritingTools.Contains(c.Name));
        Assert.True(reply.Escalation is null or { Category: "human_request" or "medical" }, FirstMessages.Show(reply));
        Assert.True(reply.Escalation?.Category != "medical" || text.Contains("alcohol", StringComparison.Ordinal) || text.Contains("note", StringComparison.Ordinal),
            FirstMessages.Show(reply));
    }

    // "Do I need …" asks whether something is required: an entry that only says what is offered is no answer to it.
    [Theory]
    [InlineData("do i need to be a member", "Glow membership")]
    [InlineData("do i need a referral", "Refer a friend")]
    [InlineData("do i have to be a member to book", "Glow membership")]
    public async Task A_requirement_is_not_answered_by_what_is_offered(string text, string wrongAnswer)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.DoesNotContain(wrongAnswer, reply.Text, StringComparison.Ordinal);
        Assert.False(reply.Text!.StartsWith("Yes", StringComparison.Ordinal), FirstMessages.Show(reply));
        Assert.DoesNotContain("I can only help", reply.Text, StringComparison.Ordinal);
    }

    // The forms to fill in are the arrival entry's intake form, not the injectables consultation.
    [Theory]
    [InlineData("do i need to fill out forms beforehand")]
    [InlineData("is there paperwork i have to do before")]
    public Task The_forms_are_the_intake_form(string text)
        => FirstMessages.AnsweredWithAsync(text, "intake form");

    // The same words about somewhere else stay declined: nothing for the team, nothing searched.
    [Theory]
    [InlineData("is my old passport ok for getting into canada")]
    [InlineData("is smoking allowed on the train")]
    [InlineData("should i drink water after running")]
    [InlineData("do i need an id to vote")]
    [InlineData("how long should i plan to be at the dmv")]
    [InlineData("can i keep my shoes on at the airport security")]
    [InlineData("how do i fall asleep faster")]
    public Task The_same_words_about_somewhere_else_stay_declined(string text)
        => FirstMessages.NeitherPassedOnNorActedOnAsync(text);

    // "Availability" in another sense is no request for a time.
    [Fact]
    public Task Availability_for_drama_is_no_request()
        => FirstMessages.NoBookingStartedAsync("i have zero availability for drama this week");

    // Answered today, and still answered.
    [Theory]
    [InlineData("do i have to tip", "Gratuity")]
    [InlineData("can i use my fsa card", "HSA/FSA")]
    [InlineData("do i need a consultation before botox", "consultation")]
    public Task Answered_entries_stay_answered(string text, string expected)
        => FirstMessages.AnsweredWithAsync(text, expected);
}
