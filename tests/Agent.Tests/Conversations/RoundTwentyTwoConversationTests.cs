namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 22 of issue 12's understanding (the lead), written before the code from hand-written first messages
/// (eval/probes/spa-questions-round22.dev.txt, out-of-scope-round22.dev.txt): questions about how the spa works (the
/// products it sells, how it cleans, reminders, receipts, a thing left behind, a massage it does not list) that had been
/// declined as off-topic, and general knowledge in the generic "you" or "should i" that had been noted for the team or
/// offered a treatment. Demo profile, Monday 2026-11-23 08:00 Los Angeles, SQLite.
/// </summary>
public sealed class RoundTwentyTwoConversationTests
{
    // Asked of the spa about how it works: answered or noted for the team, never turned away.
    [Theory]
    [InlineData("do you sell your products online")]
    [InlineData("can i order the products you guys use online")]
    [InlineData("how do you clean your tools between clients")]
    [InlineData("are your beds cleaned after every person")]
    [InlineData("do you change the sheets between clients")]
    [InlineData("can you text me a reminder")]
    [InlineData("do you send appointment reminders")]
    [InlineData("can i get a receipt for my visit")]
    [InlineData("i lost my receipt can you send it again")]
    [InlineData("do you have a lost and found, i left my earrings")]
    [InlineData("do you guys do hot stone")]
    [InlineData("venden sus productos en linea?")]
    [InlineData("como limpian sus herramientas entre clientes")]
    [InlineData("me pueden mandar un recordatorio de mi cita?")]
    [InlineData("perdí mi recibo, me lo pueden enviar otra vez?")]
    [InlineData("tienen objetos perdidos? deje mis aretes")]
    public Task Asked_of_the_spa_about_how_it_works_it_is_not_declined(string text)
        => FirstMessages.NotRefusedAsync(text);

    // The same words about other things: declined, not passed to the team nor acted on.
    [Theory]
    [InlineData("remind me to call my mom at 6")]
    [InlineData("how do i get a receipt from amazon")]
    [InlineData("how do you clean airpods")]
    [InlineData("should i sell my old car online or to a dealer")]
    [InlineData("how do you clean a cast iron pan")]
    public Task The_same_words_about_other_things_are_declined(string text)
        => FirstMessages.NeitherPassedOnNorActedOnAsync(text);

    // General knowledge in the generic "you" or "should i": declined, not noted for the team nor offered a treatment.
    [Theory]
    [InlineData("how long should i wait to wash my hair after dying it")]
    [InlineData("can you get a sunburn on a cloudy day")]
    [InlineData("do you need sunscreen in winter")]
    [InlineData("how long does caffeine stay in your system")]
    public async Task General_knowledge_is_neither_noted_nor_offered_a_treatment(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && reply.Text!.Contains("I can only help", StringComparison.Ordinal), FirstMessages.Show(reply));
    }

    // An entry whose answer opens with a yes to another question ("Do you sell gift cards? Yes…") does not answer "do your
    // gift cards expire" with a bare "Yes": the entry's own question is said first.
    [Theory]
    [InlineData("do your gift cards expire")]
    [InlineData("do gift cards ever expire?")]
    public async Task A_yes_to_another_question_is_not_said_bare(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Text!.Contains("never expire", StringComparison.Ordinal) && !reply.Text.StartsWith("Yes", StringComparison.Ordinal), FirstMessages.Show(reply));
    }

    // A question about a service that no entry answers is not answered by the list of the kind's services.
    [Theory]
    [InlineData("do you do payment plans for laser")]
    [InlineData("is the steam room included with a massage")]
    public async Task A_question_about_a_service_is_not_answered_with_the_list(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(!reply.Text!.StartsWith("Our ", StringComparison.Ordinal) && !reply.Text.Contains("I can only help", StringComparison.Ordinal), FirstMessages.Show(reply));
    }

    // The entry asked the same thing still answers with its yes alone.
    [Fact]
    public Task The_entrys_own_question_gets_the_yes_alone()
        => FirstMessages.AnsweredWithAsync("do you sell gift cards?", "Yes, in any amount");
}
