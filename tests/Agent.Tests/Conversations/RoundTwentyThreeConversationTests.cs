namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 23 of issue 12's understanding (the lead), written before the code from hand-written first messages
/// (eval/probes/spa-faq-paraphrases-round23.dev.txt): the demo profile's FAQ entries and facts asked in other words than
/// their own. Who does a treatment is answered from the profile's staff list; a question half in the entry's own words and
/// closest to it by meaning is answered by it; a gift card's life is not a way of paying; "open late" is the hours, not a
/// person running late. Demo profile, Monday 2026-11-23 08:00 Los Angeles, SQLite.
/// </summary>
public sealed class RoundTwentyThreeConversationTests
{
    // Who does a treatment: the providers the profile lists for it, with their titles, not the treatment's description.
    [Theory]
    [InlineData("who does the fillers there", "Alex Morgan (Nurse Injector, RN)")]
    [InlineData("who does botox", "Dr. Helen Kim (Medical Director)")]
    [InlineData("is the person doing botox a real doctor", "Dr. Helen Kim (Medical Director)")]
    [InlineData("who would be doing my facial?", "Priya Patel (Licensed Esthetician)")]
    [InlineData("who does laser hair removal at the mission", "Sam Okafor (Laser Technician)")]
    [InlineData("quien hace el botox?", "Dr. Helen Kim (Medical Director)")]
    public Task Who_does_a_treatment_is_answered_from_the_staff_list(string text, string expected)
        => FirstMessages.AnsweredWithAsync(text, expected);

    // Asked how long a provider has been at it: nothing in the profile says, so the team answers; never the consultation's
    // description nor the staff list in its place.
    [Theory]
    [InlineData("how long has your injector been doing this")]
    [InlineData("how many years of experience does maya have")]
    public async Task A_providers_experience_goes_to_the_team(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is not null && !reply.Text!.Contains("Consultation", StringComparison.Ordinal)
            && !reply.Text.Contains("Our team:", StringComparison.Ordinal), FirstMessages.Show(reply));
    }

    // Half in the entry's own words and closest to it by meaning: answered by it. ("can i shower after" is not here: after a
    // treatment, it is an aftercare question for the team, not the changing-room entry.)
    [Theory]
    [InlineData("do you have a place to change", "private changing rooms")]
    [InlineData("is there a shower i can use", "also has a shower")]
    [InlineData("do you guys have a monthly plan", "Glow membership")]
    [InlineData("do you give robes", "robes and slippers")]
    [InlineData("can i buy a voucher for my sister", "in any amount")]
    [InlineData("should i come a bit before my time", "10 minutes early")]
    public Task Half_in_its_words_and_closest_in_meaning_is_answered(string text, string expected)
        => FirstMessages.AnsweredWithAsync(text, expected);

    // How long a gift card lasts is the gift card entry, not paying with one; nor card details to be kept from the chat.
    [Theory]
    [InlineData("how long are gift cards good for")]
    [InlineData("do gift certificates have an expiration date")]
    [InlineData("is a gift card still valid after a year")]
    public Task A_gift_cards_life_is_the_gift_card_entry(string text)
        => FirstMessages.AnsweredWithAsync(text, "never expire");

    // Open late is the hours (Thursday until 8 at the Mission), not someone running late.
    [Theory]
    [InlineData("are you open late any night")]
    [InlineData("how late do you stay open during the week")]
    public Task Open_late_is_the_hours(string text)
        => FirstMessages.AnsweredWithAsync(text, "8 PM");

    // The same words that must keep their meaning: running late is still news for the team, a dog is not a child, a sauna
    // is not the shower entry, and who does something elsewhere is not the spa's.
    [Fact]
    public async Task Running_late_is_still_news_for_the_team()
    {
        var reply = await FirstMessages.ReplyAsync("im running 10 min late for my facial");
        Assert.True(reply.Escalation is not null && reply.Text!.Contains("on your way", StringComparison.Ordinal) && !reply.Text.Contains("8 PM", StringComparison.Ordinal), FirstMessages.Show(reply));
    }

    [Fact]
    public async Task Showering_after_a_treatment_is_for_the_team()
    {
        var reply = await FirstMessages.ReplyAsync("can i shower after");
        Assert.True(reply.Escalation is not null && !reply.Text!.Contains("also has a shower", StringComparison.Ordinal), FirstMessages.Show(reply));
    }

    [Theory]
    [InlineData("can i bring my dog")]
    [InlineData("do you have a sauna")]
    public async Task A_question_only_near_an_entry_is_not_answered_by_it(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(!reply.Text!.Contains("children not be left", StringComparison.Ordinal) && !reply.Text.Contains("private changing rooms", StringComparison.Ordinal), FirstMessages.Show(reply));
    }

    [Theory]
    [InlineData("who does your taxes")]
    [InlineData("who won the game last night")]
    [InlineData("who performs lasik surgery")]
    [InlineData("is target open late on fridays")]
    [InlineData("is costco open on thanksgiving")]
    public Task Who_does_something_else_is_declined(string text)
        => FirstMessages.NeitherPassedOnNorActedOnAsync(text);
}
