namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 24 of issue 12's understanding (the lead), written before the code from hand-written first messages
/// (eval/probes/out-of-scope-round24.dev.txt: health, prices, money, the law and other people, none of them the spa's)
/// and the round-23 FAQ paraphrases still missed. A general health question that names nothing of the spa nor the
/// person's own body is declined with a pointer to a doctor, not passed to the clinical team; anything about a treatment,
/// the person's body or a condition still is. Other places' hours and policies, other people's managers and another
/// thing's emergency line are not the spa's. Demo profile, Monday 2026-11-23 08:00 Los Angeles, SQLite.
/// </summary>
public sealed class RoundTwentyFourConversationTests
{
    // A health question about nothing of the spa's and nobody's own body: no advice, a pointer to a doctor or pharmacist,
    // and the clinical team is not asked to call a stranger back about melatonin.
    [Theory]
    [InlineData("what are the side effects of melatonin", "doctor")]
    [InlineData("do antibiotics work on a cold", "doctor")]
    [InlineData("what's a good stretch for lower back pain", "doctor")]
    [InlineData("how do you treat a bee sting at home", "doctor")]
    [InlineData("cuáles son los efectos secundarios de la melatonina", "médico")]
    public async Task A_general_health_question_is_declined_with_a_pointer_to_a_doctor(string text, string expected)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && reply.Text!.Contains(expected, StringComparison.Ordinal) && reply.ToolCalls.Count == 0, FirstMessages.Show(reply));
    }

    // The same kind of question about a treatment, the skin, the person's own body or a condition the profile knows stays
    // with the clinical team; and nothing is offered for an injury.
    [Theory]
    [InlineData("what are the side effects of botox")]
    [InlineData("what helps with bruising")]
    [InlineData("can i take melatonin before my facial")]
    [InlineData("is it normal for my lip to be numb")]
    [InlineData("how do i treat a sunburn at home")]
    [InlineData("what helps a sunburn")]
    [InlineData("can i get a massage with a cold")]
    [InlineData("what are the side effects of accutane")]
    [InlineData("do antibiotics interfere with laser")]
    [InlineData("i have a headache, what should i take")]
    [InlineData("me salió un sarpullido después del peeling")]
    public Task A_health_question_about_the_spa_or_the_person_goes_to_the_clinical_team(string text)
        => FirstMessages.EscalatedAsAsync(text, "medical");

    // After a treatment was spoken of, a question that would be general alone is about it.
    [Fact]
    public async Task A_general_question_after_a_treatment_was_named_goes_to_the_clinical_team()
    {
        await using var h = await AgentHarness.StartAsync();
        await h.TalkAsync("r24-after-filler", "sms", "+14155550142", "hi i got lip filler with you guys on saturday");
        var reply = (await h.TalkAsync("r24-after-filler", "sms", "+14155550142", "what are the side effects of melatonin"))[0];
        Assert.True(reply.Escalation?.Category == "medical", FirstMessages.Show(reply));
    }

    // "emergency" as in a contact on file or a city's non-emergency line is not an emergency; an emergency still is.
    [Theory]
    [InlineData("can i list my husband as my emergency contact")]
    [InlineData("what's the number for the city's non-emergency line")]
    public async Task Emergency_as_a_contact_or_a_non_emergency_line_is_not_an_emergency(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation?.Category != "emergency" && !reply.Text!.Contains("911", StringComparison.Ordinal), FirstMessages.Show(reply));
    }

    [Theory]
    [InlineData("this is an emergency my lips are turning white after filler")]
    [InlineData("its an emergency i cant breathe")]
    [InlineData("es una emergencia, no puedo respirar")]
    public Task An_emergency_is_still_one(string text) => FirstMessages.EscalatedAsAsync(text, "emergency");

    // Money, the law, accounts and people elsewhere: declined, not a manager's call-back.
    [Theory]
    [InlineData("can i get a tax refund if i moved states")]
    [InlineData("someone hacked my email what do i do")]
    [InlineData("who is the manager at the local target")]
    [InlineData("can i talk to the person in charge of the city council")]
    [InlineData("how do i sue someone in small claims court")]
    public Task Money_law_and_people_elsewhere_are_declined(string text) => FirstMessages.NeitherPassedOnNorActedOnAsync(text);

    // The same words about the spa still reach the team.
    [Theory]
    [InlineData("im taking you to small claims court", "sensitive")]
    [InlineData("i want a refund for my facial", "pricing")]
    [InlineData("someone hacked my account and booked appointments under my name", "sensitive")]
    [InlineData("how do i sue someone for a botched botox", "sensitive")]
    [InlineData("can i talk to the person in charge", "human_request")]
    public Task The_same_words_about_the_spa_still_reach_the_team(string text, string category) => FirstMessages.EscalatedAsAsync(text, category);

    // Another place's hours, another subscription's cancelling, another building's wifi: not the spa's entries.
    [Theory]
    [InlineData("what time does the post office close on saturday")]
    [InlineData("is the dmv open on mondays")]
    [InlineData("how do i cancel my gym membership")]
    [InlineData("how do i cancel my netflix subscription")]
    [InlineData("what's the wifi password at the library")]
    public async Task Another_places_hours_and_policies_are_not_the_spas(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && !reply.Text!.Contains("Mission District", StringComparison.Ordinal)
            && !reply.Text.Contains("24 hours", StringComparison.Ordinal) && !reply.Text.Contains("Wi-Fi", StringComparison.Ordinal), FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name is "check_availability" or "list_appointments" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // Found by the earlier rounds' probes once the rules above were in: a pet's emergencies are not ours to send to 911, and a
    // question naming one of the spa's places is not declined.
    [Fact]
    public Task A_vets_emergencies_are_not_an_emergency_here() => FirstMessages.NeitherPassedOnNorActedOnAsync("is the vet open on sundays for emergencies");

    [Fact]
    public Task A_question_naming_one_of_the_spas_places_is_not_declined() => FirstMessages.NotRefusedAsync("is there a hotel close to the mission location");

    // The spa's own, beside another place's name: still answered.
    [Theory]
    [InlineData("is there parking near the hilton", "Valencia")]
    [InlineData("what time do you close on saturday", "5 PM")]
    [InlineData("do you have wifi", "Wi-Fi")]
    public Task The_spas_own_beside_another_place_is_answered(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // Small talk's words inside another request: "thank you" to be translated is not thanks, "is it true you…" is not "how
    // are you".
    [Theory]
    [InlineData("translate thank you into german")]
    [InlineData("how can i say \"cancel my order\" in french")]
    [InlineData("is it true you lose most heat through your head")]
    public async Task Small_talk_words_inside_another_request_are_not_small_talk(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && !reply.Text!.Contains("very welcome", StringComparison.Ordinal)
            && !reply.Text.Contains("doing well", StringComparison.Ordinal) && !reply.Text.Contains("24 hours", StringComparison.Ordinal), FirstMessages.Show(reply));
    }

    [Theory]
    [InlineData("thank you so much!", "very welcome")]
    [InlineData("how are you doing today", "doing well")]
    public Task Small_talk_is_still_small_talk(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // A name change after a wedding is not a change of appointment.
    [Fact]
    public Task Changing_a_last_name_is_not_changing_an_appointment()
        => FirstMessages.NeitherPassedOnNorActedOnAsync("what's the process for changing my last name after marriage");

    // Round 23's paraphrases still missed: a membership asked with "deal", the address with "r u", whether the injectors are
    // nurses, whether cancelling the day before costs anything.
    [Theory]
    [InlineData("is there a membership or package deal", "Glow membership")]
    [InlineData("where r u guys located exactly", "2140 Valencia St")]
    [InlineData("are your injectors nurses", "Nurse Injector")]
    [InlineData("can i cancel the day before without paying", "24 hours")]
    public Task Round_twenty_three_paraphrases_are_answered(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);
}
