namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 28 of issue 12's understanding (the lead), written before the code from hand-written first messages
/// (eval/probes/spa-practical-round28.dev.txt and other wordings here): directions asked for in a word, something to help
/// the person relax, the floor and the stairs, a gift card for someone else, a card held for the appointment, the
/// changing rooms' robes, a no-show's fee asked in Spanish, and questions the spa has no entry for that were refused or
/// answered with another entry (most popular, how long open, a first visit's recommendation). Demo profile, Monday
/// 2026-11-23 08:00 Los Angeles, SQLite.
/// </summary>
public sealed class RoundTwentyEightConversationTests
{
    // Directions asked for in a word or two: the address (both places), never a refusal.
    [Theory]
    [InlineData("directions please", "Valencia")]
    [InlineData("can i get directions", "Valencia")]
    [InlineData("i need directions to the spa", "Valencia")]
    [InlineData("directions?", "Valencia")]
    [InlineData("could you send me directions pls", "Valencia")]
    [InlineData("como llego", "Valencia")]
    [InlineData("necesito indicaciones para llegar", "Valencia")]
    [InlineData("cómo llego al spa?", "Valencia")]
    [InlineData("how do i get to the marina", "Chestnut")]
    [InlineData("como llego a la marina", "Chestnut")]
    public Task Directions_asked_for_are_the_address(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // A date written with a slash in Spanish is that date: day first, as Spanish writes it, or month first when the other way
    // is no date (round 28's perf helper: "para el 12/14" was read as the 12th, its "el 12" glossed as "the 12th").
    [Theory]
    [InlineData("para el 12/14", "2026-12-14")]
    [InlineData("un masaje el 14/12 porfa", "2026-12-14")]
    [InlineData("el 5/12 a las 3", "2026-12-05")]
    [InlineData("facial el 5/12/2026", "2026-12-05")]
    public void A_date_with_a_slash_in_spanish_is_that_date(string text, string expected)
    {
        var day = DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(FrontDesk.Agent.Understanding.DateRange.Day(day), Understanding.DemoUnderstanding.Read(text, "es").Date?.Range);
    }

    // Directions somewhere else stay someone else's matter.
    [Theory]
    [InlineData("directions to the airport please")]
    [InlineData("how do i get to the golden gate bridge")]
    [InlineData("como llego al aeropuerto")]
    public async Task Directions_elsewhere_are_not_the_spas_address(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.DoesNotContain("Valencia", reply.Text, StringComparison.Ordinal);
    }

    // Something to help the person relax or unwind: what the menu has for it (the massages), nothing booked, never refused.
    [Theory]
    [InlineData("something to help me relax")]
    [InlineData("do you have anything to help me relax")]
    [InlineData("i need something to help me unwind after a crazy week")]
    [InlineData("anything that would help me de-stress?")]
    [InlineData("algo para relajarme")]
    public async Task Something_to_help_relax_names_the_massages(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && (reply.Text!.Contains("Swedish", StringComparison.Ordinal) || reply.Text.Contains("sueco", StringComparison.Ordinal)), FirstMessages.Show(reply));
        Assert.DoesNotContain("Botox", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Which service", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // The floor, the stairs and a lift: the accessibility entry (treatment rooms on the ground floor, step-free entrances).
    [Theory]
    [InlineData("is it upstairs", "ground floor")]
    [InlineData("is there an elevator", "ground floor")]
    [InlineData("i have a bad knee is there stairs", "step-free")]
    [InlineData("any steps to get in?", "step-free")]
    [InlineData("tienen ascensor", "planta baja")]
    public Task The_floor_and_the_stairs_are_the_accessibility_entry(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // A gift card for someone else is a gift card, not another person's data.
    [Theory]
    [InlineData("do you do gift cards for someone else", "any amount")]
    [InlineData("can i get a gift card for my sister", "any amount")]
    public Task A_gift_card_for_someone_else_is_the_gift_card_entry(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // A group of four or more for the spa, said without a service or a day ("we're a group of 6 for a bachelorette", "can we
    // book for a group of 5"): arranged by a person, never declined.
    [Theory]
    [InlineData("we're a group of 6 for a bachelorette", "group")]
    [InlineData("can we book for a group of 5", "group")]
    [InlineData("hi there's 7 of us for a birthday, can you fit us in", "group")]
    [InlineData("somos 5 amigas para una despedida de soltera", "equipo")]
    public async Task A_group_said_without_a_service_is_for_the_team(string text, string expected)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is not null && reply.Text!.Contains(expected, StringComparison.Ordinal), FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }

    // A group somewhere else stays declined.
    [Theory]
    [InlineData("can we book the escape room for a party of 6")]
    [InlineData("i need a table for a group of 8 tonight")]
    public async Task A_group_somewhere_else_is_not_the_spas(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
    }

    // A deposit of another kind stays someone else's matter.
    [Fact]
    public async Task A_security_deposit_back_is_not_the_spas_deposit_policy()
    {
        var reply = await FirstMessages.ReplyAsync("how do i get my security deposit back");
        Assert.DoesNotContain("card on file", reply.Text, StringComparison.Ordinal);
    }

    // A card held for the appointment: the deposit policy, never refused.
    [Theory]
    [InlineData("do i have to put a card down", "card on file")]
    [InlineData("do you need my card to book", "card on file")]
    public Task A_card_held_for_the_appointment_is_the_deposit_policy(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // Robes: the changing rooms' entry says they are there.
    [Theory]
    [InlineData("do you provide robes", "robes")]
    [InlineData("nos dan batas?", "batas")]
    [InlineData("are there slippers or do i bring my own", "slippers")]
    public Task Robes_are_the_changing_rooms_entry(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // A no-show's fee asked in Spanish: the cancellation policy, as in English.
    [Theory]
    [InlineData("cobran por no presentarse", "inasistencias")]
    [InlineData("que pasa si no me presento", "inasistencias")]
    public Task A_no_shows_fee_in_spanish_is_the_cancellation_policy(string text, string expected) => FirstMessages.AnsweredWithAsync(text, expected);

    // Questions the spa has no entry for: the team, never refused, never another entry's answer (the hours for "how long
    // have you been open", a consultation for a first visit).
    [Theory]
    [InlineData("how long have you been open", "Monday")]
    [InlineData("cuanto tiempo llevan abiertos", "lunes")]
    [InlineData("how long have you guys been in business", "Monday")]
    [InlineData("whats the best seller", "I can only help")]
    [InlineData("cual es el tratamiento mas popular", "solo puedo ayudarle")]
    [InlineData("whats good for a first timer", "our menu has")]
    [InlineData("is everything organic", "I can only help")]
    [InlineData("do you use fragrance free stuff im sensitive to smells", "I can only help")]
    [InlineData("is it ok if im a guy", "I can only help")]
    public async Task A_question_with_no_entry_goes_to_the_team(string text, string notThis)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation?.Category == "human_request", FirstMessages.Show(reply));
        Assert.DoesNotContain(notThis, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability" || Tools.SpaTools.WritingTools.Contains(c.Name));
    }
}
