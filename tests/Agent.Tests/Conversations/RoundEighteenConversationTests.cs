namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// Round 18 of issue 12's understanding (the lead), written before the code from hand-written first messages: openings
/// asked for without a booking verb, the address asked with where the person is coming from, another place's hours, an
/// apartment or a bus near one of our locations, the person's own calendar, and a wrong number. Demo profile, Monday
/// 2026-11-23 08:00 Los Angeles, SQLite.
/// </summary>
public sealed class RoundEighteenConversationTests
{
    // "Openings", "spots", "room for two" with a day are a request for a visit, not the opening hours, in either language.
    [Theory]
    [InlineData("do you have openings saturday afternoon")]
    [InlineData("do you have any spots open this weekend")]
    [InlineData("is there room for two of us friday evening")]
    [InlineData("tienen espacio el sabado en la tarde?")]
    public async Task Openings_asked_without_a_booking_verb_are_a_request(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "answer_faq");
        Assert.DoesNotContain("only help", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("solo puedo", reply.Text, StringComparison.Ordinal);
    }

    // The address asked with where the person is coming from is still the address.
    [Theory]
    [InlineData("what's your address, i'm coming from the airport")]
    [InlineData("where are you located, coming from the east bay")]
    [InlineData("cual es su direccion? vengo del aeropuerto")]
    [InlineData("donde estan ubicados, voy desde oakland")]
    public async Task The_address_asked_with_where_one_comes_from_is_the_address(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null && (reply.Text!.Contains("Valencia St", StringComparison.Ordinal) || reply.Text.Contains("Chestnut St", StringComparison.Ordinal)),
            FirstMessages.Show(reply));
    }

    // How to reach us from somewhere is ours to answer or pass on, never refused.
    [Theory]
    [InlineData("how do i get to you from bart")]
    [InlineData("how far are you from the ballpark")]
    [InlineData("is there a bart stop near you")]
    public Task Getting_to_us_is_not_refused(string text)
        => FirstMessages.NotRefusedAsync(text);

    // Another place's hours are not ours: never answered with the spa's hours, never passed to the team.
    [Theory]
    [InlineData("when does the farmers market open on sundays")]
    [InlineData("what time does the mall open")]
    [InlineData("when does trader joes close tonight")]
    [InlineData("a que hora abre el mercado el domingo")]
    public async Task Another_places_hours_are_not_the_spas(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name is "answer_faq" or "check_availability");
        Assert.DoesNotContain("Which service", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public Task The_front_desks_hours_are_the_spas()
        => FirstMessages.AnsweredWithAsync("when does the front desk open tomorrow", "AM");

    // A home, a bus or a train near one of our locations is not a question about the location.
    [Theory]
    [InlineData("can you find me an apartment near the marina")]
    [InlineData("any studios for rent in the mission")]
    [InlineData("me pueden buscar un departamento cerca de la marina")]
    [InlineData("is the bart running late today")]
    public Task Something_elsewhere_near_our_places_is_not_ours(string text)
        => FirstMessages.NeitherEscalatedNorCalledAsync(text, "answer_faq");

    // Room for people somewhere else is no opening of ours.
    [Fact]
    public Task Room_for_people_somewhere_else_is_no_opening()
        => FirstMessages.NoBookingStartedAsync("need a cabin up in tahoe with enough room for 4 of us on the 12th");

    [Fact]
    public Task A_roommate_coming_along_is_still_ours()
        => FirstMessages.NotRefusedAsync("can my roommate come with me");

    [Fact]
    public Task Parking_near_a_location_is_still_ours()
        => FirstMessages.AnsweredWithAsync("is there parking near the marina location", "parking");

    // The person's own free time is their calendar, not the spa's openings.
    [Theory]
    [InlineData("show me when im free on the 3rd")]
    [InlineData("cuando estoy libre el jueves")]
    public async Task Ones_own_free_time_is_not_a_booking(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text);
        Assert.True(reply.Escalation is null, FirstMessages.Show(reply));
        Assert.DoesNotContain("Which service", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Qué servicio", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public Task Our_free_time_for_a_service_is_still_a_booking()
        => FirstMessages.AnsweredWithAsync("when are you free for a facial on the 3rd", "Facial");

    // A short question about a visit with no word of the spa's in it is still the spa's: answered or noted for the team.
    [Theory]
    [InlineData("can i request a female therapist")]
    [InlineData("do i need to be a member")]
    [InlineData("can i get a receipt for my hsa")]
    [InlineData("is there a place to change")]
    [InlineData("can i leave my bag somewhere")]
    public Task A_short_question_about_a_visit_is_not_refused(string text)
        => FirstMessages.NotRefusedAsync(text);

    [Fact]
    public async Task How_to_come_to_a_treatment_is_no_booking()
    {
        var reply = await FirstMessages.ReplyAsync("should i come with a clean face");
        Assert.DoesNotContain(reply.ToolCalls, c => c.Name == "check_availability");
        Assert.DoesNotContain("Which one would you like", reply.Text, StringComparison.Ordinal);
    }

    // A wrong number is let go kindly, not told what the assistant cannot do; "who dis" asks who answered.
    [Theory]
    [InlineData("sorry wrong number")]
    [InlineData("oops wrong number, my bad")]
    [InlineData("perdon numero equivocado")]
    public async Task A_wrong_number_is_let_go_kindly(string text)
    {
        var reply = await FirstMessages.ReplyAsync(text, "sms");
        Assert.True(reply.Escalation is null && reply.ToolCalls.Count == 0, FirstMessages.Show(reply));
        Assert.DoesNotContain("only help", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("solo puedo", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_dis_asks_who_answered()
    {
        var reply = await FirstMessages.ReplyAsync("who dis", "sms");
        Assert.Contains("assistant", reply.Text, StringComparison.Ordinal);
    }
}
