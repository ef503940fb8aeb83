using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// Issue 12, round 14 (the lead's hand-written probes of a phone assistant's everyday requests): a spa word used in
/// another sense (a laser printer, peeling a mango, a massage chair, Sweden) names no service and books nothing; the
/// person's own free time is not the spa's openings.
/// </summary>
public sealed class RoundFourteenMeaningTests
{
    private static Utterance Read(string text) => DemoUnderstanding.Read(text);

    [Theory]
    [InlineData("how do i peel a mango")]
    [InlineData("how does facial recognition work on phones")]
    [InlineData("is a laser printer better than inkjet")]
    [InlineData("where can i buy a massage gun")]
    [InlineData("best massage chair under 1000")]
    [InlineData("what's the swedish word for thank you")]
    [InlineData("what are some fun things to do in sweden")]
    [InlineData("how do you get gum out of hair")]
    [InlineData("whats a deep tissue sample in biology")]
    public void A_spa_word_in_another_sense_names_no_service_and_books_nothing(string text)
    {
        var u = Read(text);
        Assert.Equal(ServiceMatchKind.None, u.Services.Kind);
        Assert.NotEqual(Intent.Book, u.Intent);
        Assert.NotEqual(Intent.Availability, u.Intent);
    }

    [Theory]
    [InlineData("i want a chemical peel", "chemical-peel")]
    [InlineData("can i book laser hair removal for my legs", "laser-hair-removal")]
    [InlineData("deep tissue massage friday please", "deep-tissue-60")]
    public void The_spas_own_treatments_are_still_named(string text, string serviceId) =>
        Assert.Contains(Read(text).Services.Services, s => s.Id == serviceId);

    [Fact]
    public void A_swedish_massage_is_still_one()
    {
        var u = Read("can i get a swedish massage saturday");
        Assert.Contains(u.Services.Services, s => s.Id.StartsWith("swedish", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("am i free at 4 on thursday")]
    [InlineData("find a time when bob and i are both free")]
    [InlineData("are we both busy saturday")]
    public void The_persons_own_free_time_is_out_of_scope(string text) => Assert.Equal(Intent.OutOfScope, Read(text).Intent);

    [Theory]
    [InlineData("are you free at 4 on thursday")]
    [InlineData("is maya free at 4 on thursday")]
    [InlineData("am i free to cancel my facial")]
    public void The_spas_openings_are_not_the_persons_own_free_time(string text) => Assert.NotEqual(Intent.OutOfScope, Read(text).Intent);
    [Theory]
    [InlineData("set a reminder for my doctors appointment")]
    [InlineData("go ahead and delete the dentist appt i have monday")]
    [InlineData("i need an uber to the doctor")]
    [InlineData("i want to reserve a table at 8 at long john silver's under the name freddie")]
    [InlineData("would i have to wait long if i want to eat at chili's")]
    [InlineData("can i have the next week off")]
    [InlineData("put in a vacation request for july 17th and 18th")]
    [InlineData("do i have anything to do march 2nd")]
    public void A_task_elsewhere_is_out_of_scope_and_names_no_service(string text)
    {
        var u = Read(text);
        Assert.Equal(Intent.OutOfScope, u.Intent);
        Assert.Equal(ServiceMatchKind.None, u.Services.Kind);
    }

    [Fact]
    public void A_task_elsewhere_in_spanish_is_out_of_scope() =>
        Assert.Equal(Intent.OutOfScope, DemoUnderstanding.Read("necesito cancelar mi cita con el dentista", FrontDesk.Agent.Languages.ConversationLanguage.Spanish).Intent);

    [Theory]
    [InlineData("i have a doctors appointment at 3, can i come in at 5 for a facial")]
    [InlineData("i have a dentist appt at 3 so can i come in at 5")]
    [InlineData("cancel my appointment, i have a dentist appt that day")]
    [InlineData("i have friday off, any facials?")]
    public void A_task_elsewhere_beside_a_request_to_the_spa_leaves_the_request(string text) =>
        Assert.NotEqual(Intent.OutOfScope, Read(text).Intent);

    [Theory]
    [InlineData("the long swedish please")]
    [InlineData("can i get the 90 min swedish")]
    public void The_long_swedish_is_still_the_90_minutes(string text) =>
        Assert.Contains(Read(text).Services.Services, s => s.Id == "swedish-90");
    [Theory]
    [InlineData("are you hiring")]
    [InlineData("are u guys hiring massage therapists")]
    [InlineData("can i drop off my resume")]
    [InlineData("how do i apply to work at your spa")]
    public void A_job_at_the_spa_is_a_question_for_it_about_jobs(string text)
    {
        var u = Read(text);
        Assert.Equal(Intent.Faq, u.Intent);
        Assert.Equal("are you hiring?", u.FaqQuestion);
    }

    [Theory]
    [InlineData("are there any cybersecurity jobs available in pittsburgh")]
    [InlineData("nursing jobs near oakland")]
    public void Jobs_somewhere_else_are_out_of_scope(string text) => Assert.Equal(Intent.OutOfScope, Read(text).Intent);

    [Theory]
    [InlineData("how do i remove a coffee blemish")]
    [InlineData("how do i get a wine stain out of my shirt")]
    public void A_stain_on_clothes_is_not_a_skin_treatment(string text)
    {
        var u = Read(text);
        Assert.Equal(ServiceMatchKind.None, u.Services.Kind);
        Assert.NotEqual(Intent.Book, u.Intent);
    }
}
