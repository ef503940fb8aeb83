using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Text;
using Microsoft.Extensions.AI;
using static FrontDesk.Agent.Tests.Dialogue.DialogueFixture;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// Issue 12, round 9: names typed in lower case, a length changed at a read-back, moves by whole days, requests for
/// another business's trade. Demo profile, Monday 2026-11-23 08:00 Los Angeles.
/// </summary>
public sealed class RoundNineTests
{
    private static DialogueState ReadingBackSwedish() => new()
    {
        Task = DialogueTask.Book,
        ServiceId = "swedish-60",
        DateStart = "2026-11-27",
        DateEnd = "2026-11-27",
        Asked = AgentQuestion.Confirmation,
        ChosenSlotId = "s10",
        PendingTool = "book_appointment",
        PendingArgs = """{"slot_id":"s10","client_name":"Lee Ann","client_phone":"+14155550162"}""",
        ReadBack = "Swedish Massage (60 min) with Maya Chen on Friday, November 27 at 10 AM",
        Offered = [new Offer("s10", "2026-11-27", "10:00", "Maya Chen", "Friday at 10 AM with Maya")],
    };

    [Fact]
    public void Another_length_said_at_a_booking_read_back_drops_the_write_and_searches_that_length()
    {
        var state = ReadingBackSwedish();

        var (reading, rule) = Step(state, "wait make it the 90 min instead");

        Assert.Equal(ReadBackAnswer.Corrected, reading.ReadBack);
        Assert.Equal(PolicyAction.SearchAgain, rule.Then);
        Assert.Equal("swedish-90", state.ServiceId);
        Assert.Null(state.PendingTool);
        Assert.Equal("2026-11-27", state.DateStart);
    }

    [Theory]
    [InlineData("hi im marina diaz", "Marina Diaz")]
    [InlineData("im marina diaz, can i get a facial friday", "Marina Diaz")]
    [InlineData("i am jo park", "Jo Park")]
    public void I_am_and_two_lower_case_words_ending_the_sentence_are_a_name_not_the_marina_location(string text, string name)
    {
        var u = Engine.Understand(text, History(new DialogueState()));

        Assert.Equal(name, u.Name);
        Assert.Null(u.Location);
    }

    [Theory]
    [InlineData("hi im running late")]
    [InlineData("im so sorry")]
    [InlineData("im outside now")]
    [InlineData("im free friday")]
    [InlineData("im totally confused")]
    public void I_am_with_a_state_or_an_activity_is_no_name(string text)
    {
        Assert.Null(Engine.Understand(text, History(new DialogueState())).Name);
    }

    [Fact]
    public void A_provider_first_name_in_lower_case_beside_a_number_is_the_persons_name()
    {
        var state = Offering();
        state.ChosenSlotId = "s9";
        state.Asked = AgentQuestion.Phone;

        var u = Engine.Understand("jordan hart 4155550151", History(state));

        Assert.Equal("Jordan Hart", u.Name);
        Assert.Equal(StaffMatchKind.None, u.Staff.Kind);
    }

    [Theory]
    [InlineData("can u push my facial back a day", 24 * 60)]
    [InlineData("can we move my massage a day later", 24 * 60)]
    [InlineData("move it two days earlier", -2 * 24 * 60)]
    [InlineData("push my appointment back a week", 7 * 24 * 60)]
    public void A_move_by_whole_days_keeps_the_time_of_day(string text, int minutes)
    {
        var u = Engine.Understand(text, History(new DialogueState()));

        Assert.Equal(minutes, u.ShiftMinutes);
        Assert.Equal(Intent.Reschedule, u.Intent);
    }

    [Fact]
    public async Task A_tool_outcome_with_no_template_is_never_said_with_the_tools_english_note()
    {
        var state = Offering();
        state.ChosenSlotId = "s10";
        state.Asked = AgentQuestion.Phone;
        state.Language = "es";
        var messages = History(state);
        messages.Add(new ChatMessage(ChatRole.User, "Lee Park"));
        var call = (await Engine.GetResponseAsync(messages, Options)).Messages[0];
        var book = Assert.Single(call.Contents.OfType<FunctionCallContent>());
        messages.Add(call);
        messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(book.CallId,
            System.Text.Json.JsonSerializer.SerializeToElement(new { status = "refused", message = "A brand new rule said to a model.", data = new { reason = "brand_new_rule" } }))]));

        var bilingual = new EmbeddedChatClient(Demo, TextTemplates.Load(Path.Combine(TestFiles.Prompts, "replies.yaml")),
            new TestClock(SpaBookHarness.DefaultNow), new Understander())
        {
            Languages = LocalizedTemplates.Load(TestFiles.Prompts, "replies.yaml", ["en", "es"]),
        };

        var reply = (await bilingual.GetResponseAsync(messages, Options)).Messages[0];

        Assert.DoesNotContain("brand new rule", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Lo siento, no pude terminar eso", reply.Text, StringComparison.Ordinal);
        Assert.Equal(ToolOutcomes.Unknown, reply.AdditionalProperties?[EmbeddedChatClient.HandoffKey]);
    }
}
