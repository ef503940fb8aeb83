namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 20 of issue 12's understanding (the lead), written before the code from hand-written first messages: a general
/// assistant's everyday questions whose words a med spa's rules also use in the body's sense (a card or a house burned,
/// steps to take, a hard pull that hurts a credit score, a trip that may not be safe, a car battery to diagnose), and
/// errands of a bank, a phone, a trip or a kitchen that had been passed to the spa's team. Each has its counterpart said of
/// the person's body or the spa, which still escalates. Demo profile, Monday 2026-11-23 08:00 Los Angeles, SQLite.
/// </summary>
public sealed class RoundTwentyConversationTests
{
    // The body's words in another sense: declined as out of scope (or answered), never a clinician's call-back.
    [Theory]
    [InlineData("my debit card got burned in the oven, how do i get a new one")]
    [InlineData("our house burned down last month and my card with it")]
    [InlineData("my library card has a burn mark on it")]
    [InlineData("how long before steak gets freezer burnt")]
    [InlineData("what steps should i take to refinance my car loan")]
    [InlineData("what practical steps can i take this year so my credit score climbs")]
    [InlineData("when should i take the lasagna out of the oven")]
    [InlineData("can i take more than two carry ons on delta")]
    [InlineData("can i take out the butter and use coconut oil instead")]
    [InlineData("does a late payment hurt my credit score")]
    [InlineData("will closing a card hurt my credit")]
    [InlineData("is it safe to fly to peru right now")]
    [InlineData("would it be safe to travel to egypt in march")]
    [InlineData("if we go to jamaica is it safe")]
    [InlineData("how long do i cook pork so its safe to eat")]
    [InlineData("is it safe to eat the cookies i baked on friday")]
    [InlineData("can a mechanic diagnose why my car wont start")]
    [InlineData("my laptop keeps crashing, who can get it diagnosed cheaply")]
    [InlineData("whats my horoscope for cancer this week")]
    [InlineData("how do you spell cancer in spanish")]
    public async Task The_bodys_words_in_another_sense_are_not_medical(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation?.Category is not ("medical" or "emergency"), FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name is "check_availability" or "list_appointments" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // A question with no yes in front is no answer to anything ("right now" is not "right"): nothing is looked up.
    [Fact]
    public async Task A_question_with_right_now_in_it_is_not_a_yes()
    {
        var reply = await FirstMessages.ReplyAsync("is it safe to fly to peru right now");
        Assert.Empty(reply.ToolCalls);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
    }

    // A car's upkeep is not the parking question ("my car" alone is not "leave my car").
    [Theory]
    [InlineData("where can i get cheap maintenance on my car")]
    [InlineData("should i put premium gas in my car")]
    [InlineData("what steps should i take to refinance my car loan")]
    public async Task A_cars_upkeep_is_not_the_parking_question(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.DoesNotContain("parking", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
    }

    // The body's words said of a thing, a plant or a pet (escalation.yaml other_senses): not a clinician's.
    [Theory]
    [InlineData("should i take the lump sum or the annuity")]
    [InlineData("what was the crowds reaction to the speech")]
    [InlineData("is the river still swelling after the storm")]
    [InlineData("my laptop got infected with a virus how do i clean it")]
    [InlineData("how long is nursing school")]
    [InlineData("are there speed bumps on this road")]
    [InlineData("dont make a rash decision about the car")]
    [InlineData("how do i stop the colors from bleeding in the wash")]
    [InlineData("my dog is pregnant what should i feed her")]
    [InlineData("my cat is allergic to chicken what food should i buy")]
    [InlineData("i have cabin fever from this snow")]
    [InlineData("my tomato plants have blisters on the leaves")]
    [InlineData("how do i get my prescription glasses replaced")]
    public async Task The_bodys_words_of_a_thing_or_a_pet_are_not_medical(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation?.Category is not ("medical" or "emergency"), FirstMessages.Show(reply));
    }

    // Beside them, the person's own body still counts.
    [Theory]
    [InlineData("my dog is pregnant and so am i, is a facial ok")]
    [InlineData("my dog bit me yesterday and my hand is swelling")]
    [InlineData("i have cabin fever and also a real fever of 101, should i come in for my massage")]
    [InlineData("my laptop got infected and so did my lip filler spot, its all red and hot")]
    public Task The_persons_own_body_beside_them_still_counts(string text)
        => FirstMessages.EscalatedAsAsync(text, "medical");

    // Said of the person's body, or beside a treatment, the same words are a clinician's.
    [Theory]
    [InlineData("i burned my forehead with my flat iron, can i still get a facial")]
    [InlineData("my skin burned for hours after the peel")]
    [InlineData("should i take ibuprofen before my filler")]
    [InlineData("can i take advil after botox")]
    [InlineData("what steps should i take, my lip is swelling after the filler")]
    [InlineData("my jaw hurts since the botox")]
    [InlineData("is it safe to fly the day after lip filler")]
    [InlineData("is it safe to fly after botox")]
    [InlineData("can you diagnose this rash on my neck")]
    [InlineData("i had breast cancer two years ago, can i get a massage")]
    [InlineData("is it safe to travel to mexico while pregnant")]
    public Task The_same_words_of_the_body_stay_medical(string text)
        => FirstMessages.EscalatedAsAsync(text, "medical");

    // A bank's, a card company's, a trip's, a phone's or a kitchen's matter: declined, not passed to the spa's team.
    [Theory]
    [InlineData("theres a fraudulent charge from target on my account")]
    [InlineData("i see a transaction from doordash on my account i never made")]
    [InlineData("before i pay rent tell me how much money sits in my checking")]
    [InlineData("is there enough money in my account for a 900 dollar payment")]
    [InlineData("i scratched my chase card and cant read when it runs out, whats its expiration date")]
    [InlineData("when does my discover card expire")]
    [InlineData("whats 25% off 180")]
    [InlineData("what is 15 percent off of 60 dollars")]
    [InlineData("where can i get cheap maintenance on my car")]
    [InlineData("should i put premium gas in my car")]
    [InlineData("what kind of plug adapter do i need in italy")]
    [InlineData("do i need vaccines to travel to thailand")]
    [InlineData("we fly out in june, do i need a visa to go to brazil as a us citizen")]
    [InlineData("whats the time zone in denver")]
    [InlineData("how much will i owe in income tax this year")]
    [InlineData("how do i find my phone")]
    [InlineData("hook yourself up to my phone over bluetooth")]
    [InlineData("put that last song on my running playlist")]
    [InlineData("where should we eat tonight")]
    [InlineData("what ingredients do i need for banana bread")]
    [InlineData("how many euros do i get for a dollar")]
    [InlineData("i want to make a transfer to my savings")]
    [InlineData("which routing number do i give my employer for direct pay")]
    [InlineData("does united count a purse against the carry on rules")]
    public Task An_errand_elsewhere_is_not_the_teams(string text)
        => FirstMessages.NeitherPassedOnNorActedOnAsync(text);

    // What to call the assistant and where it comes from: its own answer, not a note for the team.
    [Theory]
    [InlineData("is there a name you go by that i should use to address you")]
    [InlineData("from now on i will start calling you dave ok")]
    [InlineData("so where were you built, like what city")]
    [InlineData("whats your place of birth")]
    [InlineData("when nobody is chatting, what do you do in your free time")]
    public Task Questions_about_the_assistant_are_its_own(string text)
        => FirstMessages.AnsweredWithAsync(text, "assistant");

    // The spa's own matters in the same words stay the spa's: its charges, its gift cards, its hours, its taxes, a call back.
    [Theory]
    [InlineData("theres a charge from you on my card i dont recognize", "sensitive")]
    [InlineData("i was charged twice for my facial", null)]
    public async Task The_spas_own_charges_stay_the_spas(string text, string? category)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is not null, FirstMessages.Show(reply));
        Assert.True(category is null || reply.Escalation!.Category == category, FirstMessages.Show(reply));
    }

    [Theory]
    [InlineData("when does my gift card expire")]
    [InlineData("what time zone are you in")]
    [InlineData("do you charge tax on gift cards")]
    [InlineData("do you take visa")]
    [InlineData("can i pay with my phone")]
    [InlineData("can you play my playlist during the massage")]
    public Task The_spas_own_questions_in_the_same_words_are_not_declined(string text)
        => FirstMessages.NotRefusedAsync(text);
}
