namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 21 of issue 12's understanding (the lead), written before the code from hand-written first messages: a general
/// assistant's errands whose words the spa's team rules also use (a complaint, a refund, a person to talk to, a lawyer), said
/// of someone else's business or of the people in one's life, and general-knowledge questions put with the generic "you"
/// ("how long does alcohol stay in your bloodstream"), which had been passed to the spa's manager or noted for its team. Each
/// has its counterpart about the spa, which still goes to a person. Demo profile, Monday 2026-11-23 08:00 Los Angeles, SQLite.
/// </summary>
public sealed class RoundTwentyOneConversationTests
{
    // Someone else's business or the people in one's life: declined, not passed to the spa's manager or front desk.
    [Theory]
    [InlineData("my upstairs neighbor stomps around all night, how do i complain")]
    [InlineData("how do i complain about my sons teacher to the principal")]
    [InlineData("my roommate wont pay her share of the rent")]
    [InlineData("i need a live person at t-mobile")]
    [InlineData("how do i reach a human at xfinity")]
    [InlineData("can i talk to somebody at the social security office")]
    [InlineData("i want a supervisor at the water company")]
    [InlineData("how do i get a refund for concert tickets")]
    [InlineData("do i need a lawyer for a car accident that wasnt my fault")]
    [InlineData("amazon charged me twice for the same order")]
    [InlineData("uber charged me a cleaning fee i didnt cause")]
    [InlineData("how do i cancel my netflix")]
    [InlineData("i keep getting robocalls about my car warranty, how do i stop them")]
    [InlineData("is it safe to eat sushi that sat out overnight")]
    [InlineData("our apartment burned last spring and so did my debit card, how do i replace it")]
    public Task Someone_elses_business_is_not_the_teams(string text)
        => FirstMessages.NeitherPassedOnNorActedOnAsync(text);

    // The same words about the spa, its staff or its places still reach a person.
    [Theory]
    [InlineData("i want to complain about my massage therapist", "sensitive")]
    [InlineData("the girl at your front desk was rude to me", "sensitive")]
    [InlineData("can i talk to a person at the front desk", "human_request")]
    [InlineData("i need to talk to someone at your marina location", "human_request")]
    [InlineData("i want to speak to a real person at willow and sage", "human_request")]
    [InlineData("i want a manager, your therapist charged me twice", null)]
    [InlineData("my neighbor got a facial from you and broke out, i want to complain", null)]
    [InlineData("i got a scam call from someone saying they were the spa and wanted my card number", null)]
    public async Task The_spas_own_people_and_charges_still_reach_a_person(string text, string? category)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is not null, FirstMessages.Show(reply));
        Assert.True(category is null || reply.Escalation!.Category == category, FirstMessages.Show(reply));
    }

    // The generic "you" of general knowledge is not a question asked of the spa: declined, not noted for the team.
    [Theory]
    [InlineData("how long does alcohol stay in your bloodstream")]
    [InlineData("is soda really that bad for your teeth")]
    [InlineData("how do you tell if a watermelon is ripe")]
    [InlineData("how do you convert cups to grams")]
    [InlineData("does chewing gum stay in your stomach for years")]
    public Task The_generic_you_is_not_asked_of_the_spa(string text)
        => FirstMessages.NeitherPassedOnNorActedOnAsync(text);

    // Asked of the spa in the same words: answered or noted for the team, never declined.
    [Theory]
    [InlineData("do you have wifi")]
    [InlineData("can i use your bathroom before my massage")]
    [InlineData("do you guys have an app")]
    public Task Asked_of_the_spa_it_is_not_declined(string text)
        => FirstMessages.NotRefusedAsync(text);

    // "Hair" or "skin" alone, a word of a longer service name, does not make a grooming how-to the spa's: declined, not noted
    // for the team.
    [Theory]
    [InlineData("whats the best way to get my hair to hold a curl overnight")]
    [InlineData("why does my hair get so staticky in winter")]
    [InlineData("how do i keep my hair from going flat in humid weather")]
    public Task A_grooming_how_to_is_not_the_spas(string text)
        => FirstMessages.NeitherPassedOnNorActedOnAsync(text);

    // The service's whole name, an alias or a word of its own still makes the question the spa's.
    [Theory]
    [InlineData("how long does hair removal take to work")]
    [InlineData("does the laser hair thing hurt")]
    [InlineData("do lips look natural after")]
    [InlineData("how long does a deep tissue take")]
    public Task A_services_name_keeps_the_question_the_spas(string text)
        => FirstMessages.NotRefusedAsync(text);

    // Raw food's safety is the kitchen's; the same question beside a treatment is still a clinician's.
    [Theory]
    [InlineData("is it safe to eat raw eggs before my botox")]
    [InlineData("is it safe to eat sushi the day after lip filler")]
    public Task Safety_beside_a_treatment_stays_medical(string text)
        => FirstMessages.EscalatedAsAsync(text, "medical");
}
