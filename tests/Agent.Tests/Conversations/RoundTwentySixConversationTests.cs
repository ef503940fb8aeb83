namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 26 of issue 12's understanding (the lead), written before the code from hand-written first messages
/// (eval/probes/spa-topics-round26.dev.txt and other wordings here): a topic named with no question around it
/// ("memberships", "info about membership", "membresia?", "propinas?"), the loyalty programme in everyday words in both
/// languages, paying in advance, and the spa's own matters that have no FAQ entry (tea, bikes), which go to the team and are
/// never refused as off-topic. Demo profile, Monday 2026-11-23 08:00 Los Angeles, SQLite.
/// </summary>
public sealed class RoundTwentySixConversationTests
{
    // A topic of the spa's FAQ named alone, as people type it into a chat box or a text, gets its entry's answer.
    [Theory]
    [InlineData("memberships", "Glow")]
    [InlineData("info about membership", "Glow")]
    [InlineData("membership info pls", "Glow")]
    [InlineData("Memberships?", "Glow")]
    [InlineData("wifi password", "Wi-Fi")]
    [InlineData("parking info", "Valencia")]
    [InlineData("gift card info please", "never expire")]
    [InlineData("tipping", "Gratuity")]
    [InlineData("membresia?", "Glow")]
    [InlineData("membresias??", "Glow")]
    [InlineData("info de membresia", "Glow")]
    [InlineData("que onda con las membresias?", "Glow")]
    [InlineData("propinas?", "propina")]
    [InlineData("info del estacionamiento", "estacionamiento")]
    [InlineData("ofrecen bonos?", "Glow")]
    [InlineData("tienen vales?", "Nunca vencen")]
    public Task A_topic_named_alone_gets_its_entrys_answer(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // The loyalty programme in everyday words: the spa's loyalty and referral entry answers.
    [Theory]
    [InlineData("tienen tarjeta de cliente?")]
    [InlineData("tienen programa de puntos")]
    [InlineData("hay recompensas")]
    [InlineData("hay recompensas por ser cliente frecuente?")]
    [InlineData("tienen tarjeta de recompensas?")]
    [InlineData("hay tarjeta de lealtad?")]
    [InlineData("tienen algun plan para clientes frecuentes")]
    [InlineData("points program?")]
    [InlineData("do u guys have a points thing")]
    public Task The_loyalty_programme_in_other_words_gets_its_entry(string text) => FirstMessages.AnsweredWithAsync(text, "$25");

    // Paying in advance is the deposit policy (a card held on file), in both languages.
    [Theory]
    [InlineData("se cobra por adelantado?", "tarjeta")]
    [InlineData("hay que pagar por adelantado?", "tarjeta")]
    [InlineData("do i have to pay in advance?", "card on file")]
    public Task Paying_in_advance_gets_the_deposit_policy(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // The spa's own matters with no FAQ entry: noted for the team (never refused as off-topic), never a booking.
    [Theory]
    [InlineData("tienen te o cafe")]
    [InlineData("do you serve coffee or tea")]
    [InlineData("tienen lugar para bicicletas")]
    [InlineData("is there a bike rack")]
    public Task A_spa_matter_without_an_entry_goes_to_the_team_and_is_not_refused(string text) => FirstMessages.EscalatedAsAsync(text, "human_request");

    // Somewhere to keep one's things is the changing rooms' lockers.
    [Fact]
    public Task Somewhere_to_keep_ones_things_is_the_lockers() => FirstMessages.AnsweredWithAsync("hay donde guardar mis cosas", "casilleros");

    // A topic named alone must be a topic of the spa: other things named alone stay declined, and a word of an entry that is
    // no topic ("before", "last") is not answered with that entry.
    [Theory]
    [InlineData("weather")]
    [InlineData("car insurance info")]
    [InlineData("bitcoin price")]
    [InlineData("info del clima")]
    public async Task Another_topic_named_alone_is_still_declined(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.True(reply.Text!.Contains("I can only help", StringComparison.Ordinal) || reply.Text.Contains("solo puedo ayudarle", StringComparison.Ordinal), FirstMessages.Show(reply));
    }

    [Theory]
    [InlineData("before", "Shave")]
    [InlineData("last", "three to four months")]
    [InlineData("friday", "Glow")]
    public async Task A_word_of_an_entry_that_is_no_topic_is_not_answered_with_it(string text, string entryWords)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.DoesNotContain(entryWords, reply.Text, StringComparison.Ordinal);
    }

    // "is it ok if i bring …": who comes along decides the entry. A pet is not a child (no entry on pets: the team), a
    // daughter is.
    [Theory]
    [InlineData("is it ok if i bring my dog")]
    [InlineData("okay to bring my puppy?")]
    public async Task Bringing_a_pet_is_not_the_childrens_entry(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation?.Category == "human_request" && !reply.Text!.Contains("children", StringComparison.OrdinalIgnoreCase), FirstMessages.Show(reply));
    }

    [Fact]
    public Task Bringing_a_child_is_the_childrens_entry() => FirstMessages.AnsweredWithAsync("is it ok if i bring my daughter", "unattended");

    // A service named alone is still the service (offered), not a FAQ answer.
    [Theory]
    [InlineData("hydrafacial")]
    [InlineData("masaje sueco")]
    public Task A_service_named_alone_is_still_a_booking(string text) => FirstMessages.NeitherEscalatedNorCalledAsync(text, "answer_faq");
}
