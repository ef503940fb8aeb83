using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

/// <summary>
/// Perf round thirty: the cues of <see cref="ReplyCues.Read"/> whose expressions now run only on a text holding a word they
/// cannot match without (derived from each expression's own text, as the date parser's and <c>TaskElsewhere</c>'s). These
/// wordings, as people write them, read as they did before the prefilters: the ones each cue takes and the ones it must not.
/// They were written and run on the code before the prefilters, and the expected values are what it read.
/// </summary>
public sealed class RoundThirtyCueWordingTests
{
    [Theory]
    // Asked of the assistant as if it were a person, and what it can do or who it works for
    [InlineData("whats your name?", true)]
    [InlineData("how old are you lol", true)]
    [InlineData("who made you", true)]
    [InlineData("WHO IS THIS", true)]
    [InlineData("hey who's this?", true)]
    [InlineData("what can you help me with?", true)]
    [InlineData("so how can u help me", true)]
    [InlineData("who do you actually work for", true)]
    [InlineData("what kinds of things can i ask you", true)]
    [InlineData("con quien hablo?", true)]
    // "you" is the spa here, or the help asked is the spa's
    [InlineData("what's your cancellation policy", false)]
    [InlineData("can i call you back tomorrow", false)]
    [InlineData("do you have parking", false)]
    [InlineData("what can you do for acne scars", false)]
    [InlineData("who is this for", false)]
    [InlineData("how old do you have to be for botox", false)]
    public void About_the_assistant(string text, bool expected) =>
        Assert.Equal(expected, ReplyCues.Read(text).AsksAboutAssistant);

    [Theory]
    [InlineData("me and my sister want mani pedis saturday", true, 2, null)]
    [InlineData("can both of us get massages", true, 2, null)]
    [InlineData("for 2 people", true, 2, null)]
    [InlineData("hubby and i want a couples massage", true, 2, null)]
    [InlineData("we're 2", true, 2, null)]
    [InlineData("somos 4 amigas", true, 4, 4)]
    [InlineData("5 of us for mani pedis", false, 1, 5)]
    [InlineData("party of 8", false, 1, 8)]
    [InlineData("me at 3 pls", false, 1, null)]
    [InlineData("my mom booked for me last week", false, 1, null)]
    public void Who_comes(string text, bool withOthers, int partySize, int? groupSize)
    {
        var cues = ReplyCues.Read(text);
        Assert.Equal((withOthers, partySize, groupSize), (cues.WithOthers, cues.PartySize, cues.GroupSize));
    }

    [Theory]
    [InlineData("i got lip filler with you guys on saturday", true, false)]
    [InlineData("i got lip filler on saturday and want another one friday", false, false)]
    [InlineData("had my filler done sat, can i book a touch up", false, false)]
    [InlineData("i have a facial on saturday", false, true)]
    [InlineData("i have a facial on saturday, can i move it", false, false)]
    public void A_visit_told_or_asked_for(string text, bool pastVisit, bool ownAppointment)
    {
        var cues = ReplyCues.Read(text);
        Assert.Equal((pastVisit, ownAppointment), (cues.PastVisit, cues.OwnAppointmentTold));
    }

    [Theory]
    [InlineData("ok", true)]
    [InlineData("k", true)]
    [InlineData("kk", true)]
    [InlineData("Sure!", true)]
    [InlineData("one sec", true)]
    [InlineData("let me check", true)]
    [InlineData("ok sounds good", true)]
    [InlineData("hang on", true)]
    [InlineData("ok but can i do 3 instead", false)]
    [InlineData("sure, 3pm?", false)]
    [InlineData("yes please book it", false)]
    public void Only_an_acknowledgement(string text, bool expected) =>
        Assert.Equal(expected, ReplyCues.Read(text).JustAcknowledges);

    [Theory]
    [InlineData("none of those work", "other")]
    [InlineData("any other times?", "other")]
    [InlineData("ill try another time", "")]
    [InlineData("any openings in boston?", "other place=boston")]
    [InlineData("i didnt get it", "no code")]
    [InlineData("can you resend", "no code")]
    [InlineData("i got it", "")]
    [InlineData("does maya do facials?", "does")]
    [InlineData("ok but can i do 3 instead", "does")]
    [InlineData("are u open sunday", "hours")]
    [InlineData("what time do you close", "hours")]
    [InlineData("nothing later?", "Later")]
    [InlineData("anything earlier", "Earlier")]
    [InlineData("slow down please", "pace")]
    [InlineData("can you talk slower", "pace")]
    [InlineData("slow down the massage", "")]
    [InlineData("what's today's date?", "date")]
    [InlineData("what day is my appointment", "")]
    [InlineData("my usual pls", "before")]
    [InlineData("same as last time", "before")]
    public void The_other_prefiltered_cues(string text, string expected) =>
        Assert.Equal(expected, Said(ReplyCues.Read(text)));

    [Theory]
    // Spanish, through the understanding (the cues are read on its English reading). "con quien hablo?" reads "with quien
    // hablo?" there, so it is not asked of the assistant (it is, read as written: above); not the prefilters' doing.
    [InlineData("quien es la esteticista del viernes?", "")]
    [InlineData("somos 5 amigas para manicure el sabado", "group=5")]
    [InlineData("yo y mi hermana queremos un facial", "others")]
    [InlineData("para mi y mi hermana el sabado", "others")]
    [InlineData("quiero reservar para mi mama y yo", "others")]
    [InlineData("ayer me hice un facial", "past")]
    [InlineData("tengo un facial el sábado", "own")]
    [InlineData("vale", "ack")]
    [InlineData("sácame de la lista", "")]
    [InlineData("ninguno de esos me sirve", "other")]
    [InlineData("no me llegó el código", "no code")]
    [InlineData("¿qué fecha es hoy?", "date")]
    [InlineData("¿abren el domingo?", "hours")]
    public void Spanish(string text, string expected)
    {
        var cues = DemoUnderstanding.Read(text, "es").Cues;
        var said = new List<string>();
        if (cues.AsksAboutAssistant)
        {
            said.Add("assistant");
        }
        if (cues.WithOthers)
        {
            said.Add("others");
        }
        if (cues.GroupSize is { } group)
        {
            said.Add($"group={group}");
        }
        if (cues.PastVisit)
        {
            said.Add("past");
        }
        if (cues.OwnAppointmentTold)
        {
            said.Add("own");
        }
        if (cues.JustAcknowledges)
        {
            said.Add("ack");
        }
        var rest = Said(cues);
        Assert.Equal(expected, string.Join(' ', said.Append(rest).Where(s => s.Length > 0)));
    }

    // The cues of the other prefiltered expressions that a message says, in a fixed order.
    private static string Said(ReplyCues cues)
    {
        var said = new List<string>();
        if (cues.OtherTimes)
        {
            said.Add("other");
        }
        if (cues.PlaceAsked is { } place)
        {
            said.Add("place=" + place);
        }
        if (cues.CodeNotReceived)
        {
            said.Add("no code");
        }
        if (cues.AsksWhatProviderDoes)
        {
            said.Add("does");
        }
        if (cues.AsksHours)
        {
            said.Add("hours");
        }
        if (cues.Nudge != TimeNudge.None)
        {
            said.Add(cues.Nudge.ToString());
        }
        if (cues.AsksPace)
        {
            said.Add("pace");
        }
        if (cues.AsksDate)
        {
            said.Add("date");
        }
        if (cues.SameAsBefore)
        {
            said.Add("before");
        }
        return string.Join(' ', said);
    }
}
